/**
 * Deterministic randomness and hashing for the small models: the same seed gives the same
 * shuffle on every machine, so a training script always writes the same model.
 */

/** A seeded 32-bit PRNG (mulberry32). Returns floats in [0, 1). Never use Math.random in training. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates shuffle in place, driven by `random` (from {@link seededRandom}). */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const tmp = items[i]
    items[i] = items[j]
    items[j] = tmp
  }
  return items
}

const FNV_OFFSET = 0x811c9dc5

/** FNV-1a state after `prefix` (before finishing): continue it with {@link fnvStep}, end with {@link finishHash}. */
export function fnvSeed(prefix: string, seed = FNV_OFFSET): number {
  let h = seed
  for (let i = 0; i < prefix.length; i++) h = fnvStep(h, prefix.charCodeAt(i))
  return h
}

/** One FNV-1a step over a UTF-16 code unit. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193)
}

/** Final avalanche so that near-identical n-grams spread over the low bits used as the bucket. */
export function finishHash(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return h >>> 0
}

/** FNV-1a over the UTF-16 code units of `s`, finished: a stable 32-bit unsigned hash. */
export function hashString(s: string): number {
  return finishHash(fnvSeed(s))
}
