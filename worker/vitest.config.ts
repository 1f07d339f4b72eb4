import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

/** Worker tests in the Workers runtime (workerd) with local Durable Objects. Fake secrets only. */
export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        bindings: {
          ADMIN_TOKEN: "test-admin-token-0123456789abcdef",
          JWT_SECRET: "test-jwt-secret-0123456789abcdef0123456789",
          AIRCALL_WEBHOOK_TOKEN: "test-webhook-token",
          AIRCALL_API_ID: "test-api-id",
          AIRCALL_API_TOKEN: "test-api-token",
          AIRCALL_API_BASE: "https://aircall.test",
          CALL_WATCHDOG_SECONDS: "60",
          ALLOWED_ORIGINS: "chrome-extension://*",
        },
      },
    }),
  ],
  test: { include: ["test/**/*.test.ts"] },
});
