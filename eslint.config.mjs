// @ts-check
import js from "@eslint/js"
import globals from "globals"
import tseslint from "typescript-eslint"

const domAndBrowser = [
  "window",
  "document",
  "navigator",
  "location",
  "chrome",
  "browser",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "MutationObserver",
  "HTMLElement",
  "Element",
  "Node",
]

const noHtmlStrings = [
  {
    selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]",
    message: "Never write HTML strings: page text is untrusted. Use textContent / DOM APIs.",
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: "Never write HTML strings: page text is untrusted.",
  },
]

// src/lib/customer is entered through its index only (\x2F is "/": selectors cannot hold one).
const customerIndexOnly = [
  "ImportDeclaration",
  "ExportNamedDeclaration",
  "ExportAllDeclaration",
  "ImportExpression",
].map((node) => ({
  selector: `${node}[source.value=/(^~lib|\\.|lib)\\x2Fcustomer\\x2F./]`,
  message: "Import the customer state from its index (~lib/customer), the only way in.",
}))

const storePatterns = [
  { group: ["react", "react-dom", "react/*"], message: "The store has no UI." },
  { group: ["plasmo", "@plasmohq/*", "webextension-polyfill"], message: "The store is pure." },
]

// Test helpers are named one way, `*.test-helper.ts(x)`; tests are `*.test.ts(x)`. Production code
// imports neither (statically, dynamically or re-exported).
const testModule = String.raw`/\.test(-helper)?(\.tsx?)?$/`
const noTestImports = [
  "ImportDeclaration",
  "ImportExpression",
  "ExportAllDeclaration",
  "ExportNamedDeclaration",
].map((node) => ({
  selector: `${node}[source.value=${testModule}]`,
  message: "Production code never imports a test or a test helper (*.test-helper.ts): they serve tests only.",
}))

export default tseslint.config(
  {
    ignores: [
      "build/**",
      ".plasmo/**",
      "node_modules/**",
      "e2e/vendor/**",
      "bench/results/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // An object in a template string renders "[object Object]" to the agent.
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true, allowNullish: false, allowAny: false },
      ],
      "@typescript-eslint/no-base-to-string": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", ...noHtmlStrings, ...customerIndexOnly],
    },
  },
  {
    // The pure domain core: strings and plain objects in and out. No DOM, browser APIs, React, Plasmo.
    files: ["src/lib/**/*.ts"],
    ignores: ["src/lib/store/**"],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      "no-restricted-globals": ["error", ...domAndBrowser],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "react/*", "react-dom/*"],
              message: "src/lib is pure: no React.",
            },
            { group: ["plasmo", "@plasmohq/*"], message: "src/lib is pure: no Plasmo." },
            { group: ["webextension-polyfill"], message: "src/lib is pure: no browser APIs." },
            { group: ["dexie", "dexie-*"], message: "Only src/lib/store may use Dexie." },
            {
              group: ["~lib/store", "~lib/store/*", "**/store", "**/store/*"],
              message: "The pure core never imports the store (the store imports the core).",
            },
            {
              group: [
                "~ui",
                "~ui/*",
                "~contents/*",
                "~background/*",
                "**/ui/*",
                "**/contents/*",
                "**/background/*",
              ],
              message:
                "src/lib is the core: the UI, content scripts and service worker import it, never the reverse.",
            },
            {
              group: ["node:*"],
              message:
                "src/lib runs in the browser: no node:* outside tests and test helpers (*.test-helper.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and test helpers of the core may use Node (files, timing), still nothing from the store/UI.
    files: ["src/lib/**/*.test.ts", "src/lib/**/*.test-helper.ts"],
    ignores: ["src/lib/store/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "react/*", "react-dom/*"],
              message: "src/lib is pure: no React.",
            },
            {
              group: ["~lib/store", "~lib/store/*", "**/store", "**/store/*"],
              message: "The core's tests test the core: the store has tests of its own.",
            },
            {
              group: [
                "~ui",
                "~ui/*",
                "~contents/*",
                "~background/*",
                "**/ui/*",
                "**/contents/*",
                "**/background/*",
              ],
              message: "src/lib is the core: nothing from the UI, content scripts or service worker.",
            },
          ],
        },
      ],
    },
  },
  {
    // The store may use Dexie, but still no DOM, React or browser APIs.
    files: ["src/lib/store/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...domAndBrowser.filter((g) => g !== "indexedDB")],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...storePatterns,
            {
              group: ["node:*"],
              message: "The store runs in the browser: no node:* outside tests and test helpers.",
            },
          ],
        },
      ],
    },
  },
  {
    // The store's tests and test helpers may use Node (fixture files on disk).
    files: ["src/lib/store/**/*.test.ts", "src/lib/store/**/*.test-helper.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: storePatterns }] },
  },
  {
    // The content script stays thin: no React, no zod, no database.
    files: ["src/contents/**/*.ts", "src/contents/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "react/*"], message: "Content scripts stay small: no React." },
            {
              group: ["zod", "zod/*"],
              message: "Content scripts stay small: no zod (validate where received).",
            },
            {
              group: ["dexie", "dexie-*", "~lib/store", "~lib/store/*", "**/lib/store/**"],
              message: "Never open the database in the CRM page's origin.",
            },
          ],
        },
      ],
    },
  },
  {
    // What every enabled page pays for: the on-demand parts' code (editor, picker) only as types.
    files: ["src/contents/sidekick/**/*.ts"],
    ignores: ["src/contents/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../editors/*", "../picker/*", "~contents/editors/*", "~contents/picker/*"],
              allowTypeImports: true,
              message: "An on-demand part: reach it through parts.ts (loadPart), import only its types.",
            },
          ],
        },
      ],
    },
  },
  {
    // Extension pages' UI: storage through the services object; nothing from the worker or the page glue.
    files: [
      "src/ui/**/*.{ts,tsx}",
      "src/tabs/**/*.{ts,tsx}",
      "src/popup/**/*.{ts,tsx}",
      "src/options/**/*.{ts,tsx}",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // "**/background/*", not "**/background": src/ui/background.ts is the UI's own messenger.
              group: ["~background", "~background/*", "**/background/*"],
              message: "The UI talks to the worker by messages (src/ui/background.ts).",
            },
            {
              group: ["~contents", "~contents/*", "**/contents/*"],
              message: "The UI talks to the page over the sidebar port.",
            },
            {
              group: ["~lib/store/db", "**/store/db"],
              message:
                "Only the composition root (src/ui/default-services.ts) opens the database; use useServices() (tests: testRepositories()).",
            },
          ],
        },
      ],
    },
  },
  {
    // The one composition root of extension pages: the only UI file that opens the database.
    files: ["src/ui/default-services.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~background", "~background/*"], message: "The UI talks to the worker by messages." },
            {
              group: ["~contents", "~contents/*"],
              message: "The UI talks to the page over the sidebar port.",
            },
          ],
        },
      ],
    },
  },
  {
    // The service worker is glue around the core and the store: no UI.
    files: ["src/background/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "react/*", "~ui", "~ui/*", "**/ui/*"],
              message: "The service worker has no UI.",
            },
            { group: ["~contents", "~contents/*"], message: "The worker reaches the page by messages only." },
          ],
        },
      ],
    },
  },
  {
    // Production code (everything in src/ but tests and test helpers) never imports a test helper.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}", "src/**/*.test-helper.{ts,tsx}"],
    rules: { "no-restricted-syntax": ["error", ...noHtmlStrings, ...customerIndexOnly, ...noTestImports] },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Fixture CRM pages' own scripts run in the browser.
    files: ["e2e/fixtures/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
    rules: { "no-redeclare": ["error", { builtinGlobals: false }] },
  },
)
