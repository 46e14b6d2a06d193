/**
 * Sites the e2e build enables at install (`PLASMO_PUBLIC_E2E_SITES`, set only by scripts/build-e2e.ts;
 * Parcel inlines it, so the production build carries an empty list).
 */
export function e2eSites(): string[] {
  const raw = process.env.PLASMO_PUBLIC_E2E_SITES ?? ""
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^https?:\/\/[^/?#\s]+$/.test(s))
}
