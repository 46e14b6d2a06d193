import { fileURLToPath } from "node:url"

import { defineConfig } from "vitest/config"

export default defineConfig({
  // The root tsconfig keeps Plasmo's "jsx": "preserve" (Parcel compiles JSX); tests compile it here.
  oxc: { jsx: { runtime: "automatic" } },
  resolve: {
    alias: [{ find: /^~(.*)$/, replacement: fileURLToPath(new URL("./src/$1", import.meta.url)) }],
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 20000,
  },
})
