import { fileURLToPath } from "node:url"

import { defineConfig } from "@playwright/test"

const here = fileURLToPath(new URL(".", import.meta.url))

/**
 * Browser tests of the unpacked extension (build it first: `pnpm build:e2e`).
 * One worker: every test launches its own Chromium with the extension loaded.
 */
export default defineConfig({
  testDir: here,
  testMatch: "*.spec.ts",
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 8_000 },
  reporter: [["list"], ["json", { outputFile: `${here}results.json` }]],
  outputDir: `${here}../test-results/e2e`,
  use: { screenshot: "on", trace: "retain-on-failure" },
})
