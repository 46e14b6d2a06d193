/**
 * FNV-1a, 64 bits as two 32-bit halves, as 16 hex digits: short, stable ids and content fingerprints
 * for the same input on every machine (not a security hash). `seed2` starts the second half: each
 * kind of id keeps the seed it was first stored with, so ids already stored and pushed never change.
 */
export function fnv64Hex(input: string, seed2: number): string {
  let h1 = 0x811c9dc5
  let h2 = seed2
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")
}
