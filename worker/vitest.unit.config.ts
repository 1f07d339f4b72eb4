import { defineConfig } from "vitest/config";

/** Pure logic in plain Node: the dialer machine, rate window, Aircall client. */
export default defineConfig({ test: { include: ["src/**/*.test.ts", "dashboard/src/**/*.test.ts", "cli/**/*.test.ts"], environment: "node" } });
