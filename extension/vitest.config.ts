import { fileURLToPath } from "node:url"

import { defineConfig } from "vitest/config"

const src = fileURLToPath(new URL("./src/", import.meta.url))

export default defineConfig({
  resolve: {
    // Plasmo's "~" alias: "~lib/messages" → src/lib/messages
    alias: [{ find: /^~(.+)$/, replacement: `${src}$1` }]
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.ts?(x)"]
  }
})
