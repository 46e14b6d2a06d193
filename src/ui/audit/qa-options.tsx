/**
 * The options page's QA section: the link to the review page, how long QA events are kept, and the
 * import of a phrasebook QA published (validated, stored and activated; the version in force shown).
 */
import { useEffect, useState, type FormEvent } from "react"

import { checkPublishable } from "~lib/audit/rule-lab"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import {
  AUDIT_RETENTION_KEY,
  DEFAULT_AUDIT_RETENTION_DAYS,
  MAX_AUDIT_RETENTION_DAYS,
  MIN_AUDIT_RETENTION_DAYS,
  normalizeRetentionDays,
  retentionCutoff,
} from "~lib/store/audit-retention"
import { parseImportJson, readImportFile } from "~lib/import-file"

import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { useServices } from "../services"
import { LockedBadge, LockedField } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { useActivePhrasebook } from "../use-active-phrasebook"
import { ReviewLink } from "./review-link"
import { StatusBox, type Status } from "../status-box"
import { useFileImport } from "../file-import"
import { FileField } from "../file-field"
import { Section } from "../section"

function Retention() {
  const { platform, now, audit, conversations } = useServices()
  const locale = useLocale()
  const { policy } = usePolicy()
  const [days, setDays] = useState(String(DEFAULT_AUDIT_RETENTION_DAYS))
  const [status, setStatus] = useState<Status | null>(null)

  useEffect(() => {
    platform
      .storageGet(AUDIT_RETENTION_KEY)
      .then((v) => setDays(String(normalizeRetentionDays(v))))
      .catch(() => undefined)
  }, [platform])

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setStatus(null)
    const n = Number(days)
    if (!Number.isInteger(n) || n < MIN_AUDIT_RETENTION_DAYS || n > MAX_AUDIT_RETENTION_DAYS) {
      setStatus({ kind: "error", message: `${MIN_AUDIT_RETENTION_DAYS}–${MAX_AUDIT_RETENTION_DAYS}` })
      return
    }
    try {
      await platform.storageSet(AUDIT_RETENTION_KEY, n)
      const purged = await audit.purgeBefore(retentionCutoff(now(), n))
      // Conversation records (issue 17) live under the same retention.
      await conversations.purgeBefore(retentionCutoff(now(), n))
      setStatus({ kind: "ok", message: text(locale, "qaRetentionSaved", { n: purged }) })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  if (policy.auditRetentionDays !== undefined) {
    return (
      <LockedField
        label={<T k="qaRetention" />}
        value={String(policy.auditRetentionDays)}
        testid="qa-retention-locked"
      />
    )
  }

  return (
    <form onSubmit={(e) => void save(e)}>
      <div className="actions">
        <label className="field inline">
          <span className="label">
            <T k="qaRetention" />
          </span>
          <input
            type="number"
            min={MIN_AUDIT_RETENTION_DAYS}
            max={MAX_AUDIT_RETENTION_DAYS}
            step={1}
            value={days}
            data-testid="qa-retention-days"
            onChange={(e) => setDays(e.currentTarget.value)}
            style={{ width: 90 }}
          />
        </label>
        <button type="submit" data-testid="qa-retention-save">
          <T k="save" />
        </button>
      </div>
      <p className="muted small-text">
        <T k="qaRetentionHint" />
      </p>
      <StatusBox status={status} testid="qa-retention-status" />
    </form>
  )
}

function PhrasebookImport() {
  const { phrasebooks: store } = useServices()
  const locale = useLocale()
  const { policy } = usePolicy()
  const bookLocked = policy.phrasebook !== undefined
  const active = useActivePhrasebook()
  const activeVersion = active.stored ? active.book.version : undefined

  const { status, onChange: importFile } = useFileImport(async ([file]): Promise<Status> => {
    const decoded = await readImportFile(file)
    const json = decoded.ok ? parseImportJson(decoded.text) : decoded
    // The same bar as publishing: schema and every rule's own examples.
    const check = json.ok ? checkPublishable(json.data) : json
    if (!check.ok) return { kind: "error", message: text(locale, "qaBookInvalid"), problems: check.problems }
    await store.putPhrasebook(check.book.version, check.book, { activate: true })
    return { kind: "ok", message: text(locale, "qaPhrasebookImported", { version: check.book.version }) }
  })

  return (
    <div>
      <p data-testid="qa-phrasebook-version">
        <T k="qaInForce" values={{ version: activeVersion ?? DEFAULT_PHRASEBOOK.version }} />
        {activeVersion ? null : (
          <span className="muted">
            {" "}
            (<T k="qaBuiltIn" />)
          </span>
        )}
        {bookLocked ? <LockedBadge /> : null}
      </p>
      <FileField
        label="qaPhrasebookImport"
        accept=".json,application/json"
        testid="qa-phrasebook-import"
        disabled={bookLocked}
        onChange={importFile}
      />
      <StatusBox status={status} testid="qa-phrasebook-status" />
    </div>
  )
}

/** The whole QA section of the options page. */
export function QaOptionsSection() {
  return (
    <Section id="qa-options-title" title={<T k="qaReviewTitle" />} testid="qa-options">
      <div className="actions">
        <ReviewLink className="" />
      </div>
      <Retention />
      <PhrasebookImport />
    </Section>
  )
}
