import { defineConfig } from "vitest/config";

/** Real processes: wrangler dev + the Aircall simulator. One file at a time (2 cores). */
export default defineConfig({
  test: { include: ["integration/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
});
