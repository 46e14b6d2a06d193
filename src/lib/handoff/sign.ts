/**
 * Signing and checking handoff blocks with the team key: HMAC-SHA-256 over `signedPayload` (WebCrypto,
 * `crypto.subtle`: extension pages and Node 20 alike), truncated to 128 bits, hex. Nothing secret is
 * in a block; only holders of the team key can make one that verifies.
 */
import { type BlockContent, type ParsedBlock, signedPayload } from "./block"

/** Shortest team key accepted (a passphrase the admin hands out or policy pushes). */
export const TEAM_KEY_MIN = 16

const utf8 = new TextEncoder()

/** HMAC-SHA-256 of `payload` with the team key, 128 bits as hex (also signs team-server documents). */
export async function hmacHex(teamKey: string, payload: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    utf8.encode(teamKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  )
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8.encode(payload)))
  return Array.from(mac.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("")
}

/** The block's signature with `teamKey`, or undefined without a usable key. */
export async function signBlock(
  block: BlockContent,
  teamKey: string | undefined,
): Promise<string | undefined> {
  if (!teamKey || teamKey.length < TEAM_KEY_MIN) return undefined
  return hmacHex(teamKey, signedPayload(block))
}

/**
 * How far a block read from the page can be trusted:
 * - `verified`: whole, signed with the team key, and about the waybill it was found for;
 * - `no-key`: this machine has no team key, so nothing can be checked;
 * - `unsigned`: written without a signature;
 * - `bad-signature`: the signature does not match: edited, forged or signed with another key;
 * - `other-waybill`: a block about another waybill (copied into this ticket);
 * - `partial`: its machine line is missing or cut (a truncated comment).
 * Only `verified` may set a reminder or change anything by itself.
 */
export type Verification = "verified" | "no-key" | "unsigned" | "bad-signature" | "other-waybill" | "partial"

/** Constant-time-ish comparison of two hex strings of equal length. */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/** Checks a parsed block against the team key and the waybill of the ticket it was found in. */
export async function verifyBlock(
  block: ParsedBlock,
  teamKey: string | undefined,
  waybill: string | null,
): Promise<Verification> {
  if (block.completeness === "partial") return "partial"
  const written = (block.fields.waybill ?? "").toUpperCase().replace(/[\s-]/g, "")
  if (waybill && written !== waybill.toUpperCase()) return "other-waybill"
  if (!block.sig) return "unsigned"
  if (!teamKey || teamKey.length < TEAM_KEY_MIN) return "no-key"
  const expected = await hmacHex(teamKey, signedPayload(block))
  return sameHex(expected, block.sig) ? "verified" : "bad-signature"
}
