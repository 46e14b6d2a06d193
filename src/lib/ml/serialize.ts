/**
 * Compact, data-only form of a {@link LinearModel}: int8-quantised weight rows, delta-encoded
 * feature indices, base64 text. Small enough to ship inside an extension page bundle.
 */
import { denseFits, denseModel, type LinearModel, rowViews } from "./logreg"

/** The serialised model, plain JSON. */
export interface PackedModel {
  format: "linear-int8/1"
  classes: string[]
  dim: number
  temperature: number
  bias: number[]
  /** A stored weight is `q × scale` for a signed byte q. */
  scale: number
  /** Number of rows in `data`. */
  rows: number
  /** base64 of: per row in ascending index order, varint(index − previous index), then one int8 per class. */
  data: string
}

/** Options for {@link packModel}. */
export interface PackOptions {
  /** Keep only this many rows, those with the largest weight magnitude (default: all). */
  maxRows?: number
}

/** Quantises and encodes a model. Rows whose weights all round to zero are dropped. */
export function packModel(model: LinearModel, opts: PackOptions = {}): PackedModel {
  const k = model.classes.length
  let maxAbs = 0
  for (const row of model.rows.values()) for (const v of row) maxAbs = Math.max(maxAbs, Math.abs(v))
  const scale = maxAbs > 0 ? maxAbs / 127 : 1
  let entries = [...model.rows.entries()]
    .map(([idx, row]) => [idx, Array.from(row, (v) => Math.round(v / scale))] as const)
    .filter(([, q]) => q.some((v) => v !== 0))
  if (opts.maxRows !== undefined && entries.length > opts.maxRows) {
    const magnitude = (q: readonly number[]) => q.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
    entries = [...entries]
      .sort((a, b) => magnitude(b[1]) - magnitude(a[1]) || a[0] - b[0])
      .slice(0, opts.maxRows)
  }
  entries.sort((a, b) => a[0] - b[0])
  const bytes: number[] = []
  let prev = 0
  for (const [idx, q] of entries) {
    let delta = idx - prev
    prev = idx
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80)
      delta >>>= 7
    }
    bytes.push(delta)
    for (let c = 0; c < k; c++) bytes.push(q[c] & 0xff)
  }
  return {
    format: "linear-int8/1",
    classes: [...model.classes],
    dim: model.dim,
    temperature: round(model.temperature, 6),
    bias: Array.from(model.bias, (v) => round(v, 6)),
    scale: round(scale, 12),
    rows: entries.length,
    data: toBase64(Uint8Array.from(bytes)),
  }
}

/**
 * Decodes a packed model. Throws on a wrong format, truncated data or an index outside `dim`. The rows
 * are decoded straight into the dense lookup table prediction uses (one array, no array per row: the
 * sidebar decodes both models each time a CRM page opens it).
 */
export function unpackModel(packed: PackedModel): LinearModel {
  if (packed.format !== "linear-int8/1") throw new Error(`unknown model format ${String(packed.format)}`)
  const k = packed.classes.length
  const bytes = fromBase64(packed.data)
  const dense = denseFits(packed.dim)
  const slot = new Int32Array(dense ? packed.dim : 0)
  const weights = new Float64Array(packed.rows * k)
  const order = new Int32Array(packed.rows)
  let at = 0
  let idx = 0
  for (let r = 0; r < packed.rows; r++) {
    let delta = 0
    let shift = 0
    for (;;) {
      if (at >= bytes.length) throw new Error("model data truncated")
      const byte = bytes[at++]
      delta += (byte & 0x7f) * 2 ** shift
      shift += 7
      if (byte < 0x80) break
    }
    idx += delta
    if (idx >= packed.dim) throw new Error("model data out of range")
    if (at + k > bytes.length) throw new Error("model data truncated")
    order[r] = idx
    if (dense) slot[idx] = r + 1
    for (let c = 0; c < k; c++) weights[r * k + c] = ((bytes[at++] << 24) >> 24) * packed.scale
  }
  const head = {
    classes: [...packed.classes],
    dim: packed.dim,
    bias: Float64Array.from(packed.bias),
    temperature: packed.temperature,
  }
  if (dense) return denseModel(head, slot, weights, order)
  return { ...head, rows: rowViews(order, weights, k) }
}

function round(v: number, digits: number): number {
  return Number(v.toPrecision(digits))
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i

/** Standard base64 (with padding), no platform APIs. */
export function toBase64(bytes: Uint8Array): string {
  let out = ""
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0
    const n = (a << 16) | (b << 8) | c
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : "="
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : "="
  }
  return out
}

/** Inverse of {@link toBase64}. Throws on characters outside the alphabet. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "")
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let buffer = 0
  let bits = 0
  let at = 0
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i)
    const v = code < 128 ? DECODE[code] : -1
    if (v < 0) throw new Error("bad base64")
    buffer = (buffer << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[at++] = (buffer >> bits) & 0xff
    }
  }
  return out
}
