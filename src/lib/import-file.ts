/**
 * The first gate of every import (backup JSON, contacts CSV, phrasebooks): size, encoding and shape
 * are checked before any parser sees the file, and each refusal is a bilingual, located message.
 *
 * Encoding decision: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), and
 * GBK/GB18030 — what Excel on Chinese Windows writes for "CSV (逗号分隔)". Legacy bytes are accepted as
 * GB18030 only when nearly every double-byte pair lies in GB2312's region (hanzi and full-width
 * punctuation): Big5 text decodes "cleanly" as GBK too, but half its pairs fall outside that region, so
 * it is refused rather than stored as mojibake. The encoding used is returned for the preview to show.
 */
import type { ImportProblem } from "./import-problems"

export const IMPORT_LIMITS = {
  /** Checked on the file's size, before reading it: a 50 MB file is never parsed. */
  maxBytes: 20 * 1024 * 1024,
  /** JSON nesting deeper than this is not one of our files (ours is at most 5 levels). */
  maxDepth: 32,
}

/** The encoding a file was read in (shown in import previews). */
export type ImportEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030"

export type DecodeResult =
  { ok: true; text: string; encoding: ImportEncoding } | { ok: false; problems: ImportProblem[] }
export type JsonResult = { ok: true; data: unknown } | { ok: false; problems: ImportProblem[] }

const FILE = "文件 / file"
const fail = (where: string, message: string): { ok: false; problems: ImportProblem[] } => ({
  ok: false,
  problems: [{ where, message }],
})

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

/** Refuses a file by its size alone (call before reading it). */
export function checkImportSize(size: number, maxBytes = IMPORT_LIMITS.maxBytes): ImportProblem | null {
  if (size <= maxBytes) return null
  return {
    where: FILE,
    message: `文件过大（${mb(size)} MB，上限 ${mb(maxBytes)} MB），未读取 / file too large (${mb(size)} MB, limit ${mb(maxBytes)} MB): not read`,
  }
}

/** 1-based line of a byte offset (counts LF bytes before it). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** Offset of the first byte that is not valid UTF-8 (lead/continuation structure only), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) return i
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return -1
}

/** Share of GB2312-region pairs among a legacy file's multi-byte pairs below which it is not taken for GBK. */
export const GBK_REGION_MIN = 0.9

/**
 * The text if the bytes are GBK/GB18030 written by a simplified-Chinese system, else null: they must
 * decode strictly as GB18030, hold some hanzi, and ≥ {@link GBK_REGION_MIN} of their double-byte pairs
 * must lie in GB2312's region (lead A1–A9 symbols or B0–F7 hanzi, trail A1–FE).
 */
export function decodeGbk(bytes: Uint8Array): string | null {
  let pairs = 0
  let inRegion = 0
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]
    if (lead < 0x81) continue
    const trail = bytes[i + 1] ?? 0
    pairs++
    if (((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7)) && trail >= 0xa1 && trail <= 0xfe)
      inRegion++
    // A GB18030 four-byte sequence (second byte a digit) counts as one pair outside the region.
    i += trail >= 0x30 && trail <= 0x39 ? 3 : 1
  }
  if (pairs === 0 || inRegion / pairs < GBK_REGION_MIN) return null
  try {
    const text = new TextDecoder("gb18030", { fatal: true }).decode(bytes)
    return /[\u4e00-\u9fff]/.test(text) ? text : null
  } catch {
    return null
  }
}

/**
 * Decodes an import file's bytes to text, or says (bilingually, with the line) why it cannot.
 * Never throws. Refuses: too large, empty, binary (NUL bytes), not UTF-8 (GBK named when likely).
 */
export function decodeImportBytes(bytes: Uint8Array, maxBytes = IMPORT_LIMITS.maxBytes): DecodeResult {
  const tooBig = checkImportSize(bytes.length, maxBytes)
  if (tooBig) return { ok: false, problems: [tooBig] }
  // UTF-16 with BOM: Excel's "Unicode text" export.
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be"
    try {
      const text = new TextDecoder(label, { fatal: true }).decode(bytes.subarray(2))
      if (text.includes("\0")) return fail(FILE, "不是文本文件 / not a text file")
      return text.trim() === ""
        ? fail(FILE, "文件是空的 / the file is empty")
        : { ok: true, text, encoding: label === "utf-16le" ? "UTF-16LE" : "UTF-16BE" }
    } catch {
      return fail(FILE, "UTF-16 文件已损坏 / broken UTF-16 file")
    }
  }
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? bytes.subarray(3)
      : bytes
  const nul = body.indexOf(0)
  if (nul >= 0) {
    const line = lineAt(body, nul)
    return fail(
      `第 ${line} 行 / line ${line}`,
      `不是文本文件（含二进制数据，可能是 Excel 工作簿或压缩包，请另存为 CSV 或 JSON） / not a text file (binary data: maybe an Excel workbook or an archive; save as CSV or JSON)`,
    )
  }
  let text: string
  let encoding: ImportEncoding = "UTF-8"
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body)
  } catch {
    const gbk = body === bytes ? decodeGbk(body) : null
    if (gbk === null) {
      const line = lineAt(body, Math.max(0, firstInvalidUtf8(body)))
      return fail(
        `第 ${line} 行 / line ${line}`,
        `无法识别文件编码（不是 UTF-8，也不像 GBK，可能是 Big5 等），请另存为“CSV UTF-8”后再导入 / unknown encoding (not UTF-8, not GBK; maybe Big5): save it as "CSV UTF-8" and import again`,
      )
    }
    text = gbk
    encoding = "GB18030"
  }
  if (text.trim() === "") return fail(FILE, "文件是空的 / the file is empty")
  return { ok: true, text, encoding }
}

/** Reads a File/Blob: refused by size before a single byte is read, then {@link decodeImportBytes}. */
export async function readImportFile(
  file: { size: number; arrayBuffer(): Promise<ArrayBuffer> },
  maxBytes = IMPORT_LIMITS.maxBytes,
): Promise<DecodeResult> {
  const tooBig = checkImportSize(file.size, maxBytes)
  if (tooBig) return { ok: false, problems: [tooBig] }
  try {
    return decodeImportBytes(new Uint8Array(await file.arrayBuffer()), maxBytes)
  } catch {
    return fail(FILE, "无法读取文件 / the file could not be read")
  }
}

/** Depth of nested arrays/objects, walked without recursion; stops early past `limit`. */
function depthOver(data: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[data, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (value === null || typeof value !== "object") continue
    if (depth + 1 > limit) return true
    for (const child of Object.values(value as object)) stack.push([child, depth + 1])
  }
  return false
}

/** Line and column of a character offset in text (1-based). */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      start = i + 1
    }
  }
  return { line, column: offset - start + 1 }
}

/**
 * Parses a JSON import file. Truncated or malformed JSON names the line and column; nesting deeper
 * than {@link IMPORT_LIMITS.maxDepth} is refused. Never throws.
 */
export function parseImportJson(text: string, maxDepth = IMPORT_LIMITS.maxDepth): JsonResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error)
    const pos = /position (\d+)/.exec(msg)
    const offset = pos ? Number(pos[1]) : /end of JSON input|Unterminated/i.test(msg) ? text.length : -1
    if (offset < 0) return fail(FILE, "文件不是有效的 JSON / the file is not valid JSON")
    const { line, column } = lineColumn(text, offset)
    const truncated = offset >= text.trimEnd().length
    return fail(
      `第 ${line} 行第 ${column} 列 / line ${line}, column ${column}`,
      truncated
        ? `JSON 不完整（文件可能被截断） / JSON ends too early (the file may be truncated)`
        : `JSON 格式错误（第 ${line} 行第 ${column} 列） / invalid JSON (line ${line}, column ${column})`,
    )
  }
  if (depthOver(data, maxDepth))
    return fail(
      FILE,
      `JSON 嵌套过深（超过 ${maxDepth} 层） / JSON nested too deeply (over ${maxDepth} levels)`,
    )
  return { ok: true, data }
}
