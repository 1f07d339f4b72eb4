import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["aircall-sim/**/*.test.ts", "soak/**/*.test.ts", "system/**/*.test.ts"],
    environment: "node",
    testTimeout: 15_000,
  },
});
