/**
 * Import this before "zod" in every module that imports zod. zod 4 probes `new Function("")` when
 * its first object schema is built, to decide whether to compile fast parsers. Our extension pages
 * forbid eval (CSP `script-src 'self'`), so the probe is refused and reported as a CSP violation on
 * every page load. zod reads `globalThis.__zod_globalConfig` when it loads: `jitless` skips the probe.
 */
const g = globalThis as { __zod_globalConfig?: Record<string, unknown> }
g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true }

export {}
