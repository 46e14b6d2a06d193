/**
 * Handoffs and takeovers on the team server are signed with the team key, like the handoff blocks
 * written into the ticket (issue 12, `handoff/sign.ts`): the same HMAC, the same key, the same
 * verification states and trust marks. The signature covers the document's kind, id, author and the
 * canonical JSON of its body (every field, whatever a reader's schema knows of), so a document
 * forged or altered on the server — by anyone without the key — reads as `bad-signature` or
 * `unsigned`, never as verified. Signed when pushed (a Dexie transaction cannot wait on WebCrypto).
 */
import { hmacHex, sameHex, TEAM_KEY_MIN, type Verification } from "../handoff/sign"
import { canonicalJson, type TeamDoc } from "./docs"

/** The kinds whose documents carry a signature. */
export const SIGNED_KINDS: readonly string[] = ["handoff", "takeover"]

/** What the signature covers. Versioned so a later format can never be read as this one. */
export function teamSignedPayload(doc: { _id: string; type: string; agent: string; body: unknown }): string {
  return ["CSK-team1", doc.type, doc._id, doc.agent, canonicalJson(doc.body)].join("\n")
}

/** `doc` with its `sig` when it is a signed kind and a usable team key is set; else unchanged. */
export async function signTeamDoc(doc: TeamDoc, teamKey: string | undefined): Promise<TeamDoc> {
  if (!SIGNED_KINDS.includes(doc.type) || !teamKey || teamKey.length < TEAM_KEY_MIN) return doc
  return { ...doc, sig: await hmacHex(teamKey, teamSignedPayload(doc)) }
}

/**
 * How far a team document can be trusted, in issue 12's terms: `verified` (signed with this team
 * key), `no-key` (nothing to check with here), `unsigned`, or `bad-signature` (forged, altered, or
 * signed with another key). Waybill and author consistency are checked before (`entriesFromDocs`).
 */
export async function verifyTeamDoc(
  doc: { _id: string; type: string; agent: string; body: unknown; sig?: unknown },
  teamKey: string | undefined,
): Promise<Exclude<Verification, "partial" | "other-waybill">> {
  if (typeof doc.sig !== "string" || !doc.sig) return "unsigned"
  if (!teamKey || teamKey.length < TEAM_KEY_MIN) return "no-key"
  const expected = await hmacHex(teamKey, teamSignedPayload(doc))
  return sameHex(expected, doc.sig.toLowerCase()) ? "verified" : "bad-signature"
}
