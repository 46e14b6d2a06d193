import { fileURLToPath } from "node:url"

import { defineConfig } from "vitest/config"

// Real-browser tests: one Chromium at a time (2 cores), generous timeouts, no retries hiding flakes.
export default defineConfig({
  resolve: {
    alias: [{ find: /^~(.*)$/, replacement: fileURLToPath(new URL("./src/$1", import.meta.url)) }],
  },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
  },
})
