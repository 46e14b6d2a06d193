/**
 * Options → 知识库 (admin): which pack is in force, import a pack (all or nothing: every problem listed
 * with where it is, nothing stored), export the pack in force as the starting point for edits, switch
 * between imported versions or back to the built-in pack.
 */
import { useLiveQuery } from "dexie-react-hooks"

import { parseKnowledgePackFile } from "~lib/knowledge/schema"
import { readImportFile } from "~lib/import-file"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { useServices } from "../services"
import { usePackInForce } from "./use-knowledge-pack"
import { StatusBox, type Status } from "../status-box"
import { useFileImport } from "../file-import"
import { FileField } from "../file-field"
import { DownloadButton } from "../download-button"
import { Section } from "../section"

export function KnowledgeOptionsSection() {
  const { knowledge: store } = useServices()
  const locale = useLocale()
  const inForce = usePackInForce()
  const versions = useLiveQuery(() => store.listPacks().catch(() => []), [store])
  const { pack } = inForce
  const unset = Object.values(pack.values).filter((v) => !v.value.trim()).length

  const {
    status,
    setStatus,
    onChange: importFile,
  } = useFileImport(async ([file]): Promise<Status> => {
    const decoded = await readImportFile(file)
    const parsed = decoded.ok ? parseKnowledgePackFile(decoded.text) : decoded
    if (!parsed.ok)
      return { kind: "error", message: text(locale, "kbImportInvalid"), problems: parsed.problems }
    await store.putPack(parsed.pack.version, parsed.pack, { activate: true })
    return {
      kind: "ok",
      message: text(locale, "kbImported", { version: parsed.pack.version, n: parsed.pack.cards.length }),
    }
  })

  const run = (fn: () => Promise<void>) => {
    setStatus(null)
    fn().catch((error: unknown) => setStatus({ kind: "error", message: errorMessage(error, locale) }))
  }

  return (
    <Section id="knowledge-options-title" title={<T k="kbTitle" />} testid="knowledge-options">
      <p data-testid="knowledge-in-use">
        <T
          k="kbInUse"
          values={{
            version: pack.version,
            publisher: inForce.stored ? pack.publisher : text(locale, "kbBuiltIn"),
            n: pack.cards.length,
          }}
        />
      </p>
      {inForce.invalid && (
        <p className="error" role="alert" data-testid="knowledge-options-invalid">
          <T k="kbPackInvalid" />
        </p>
      )}
      {unset > 0 && (
        <p className="muted" data-testid="knowledge-unset-count">
          <T k="kbUnsetCount" values={{ n: unset }} />
        </p>
      )}
      <p className="muted">
        <T k="kbAdminHint" />
      </p>
      <div className="actions">
        <FileField
          label="kbImport"
          accept=".json,application/json"
          testid="knowledge-import"
          onChange={importFile}
        />
        <DownloadButton
          label="kbExport"
          testid="knowledge-export"
          file={() => ({
            name: `cs-sidekick-knowledge-${pack.version}.json`,
            content: JSON.stringify(pack, null, 2),
            type: "application/json",
          })}
        />
        {inForce.stored && (
          <button
            type="button"
            data-testid="knowledge-use-builtin"
            onClick={() => run(() => store.deactivateAll())}
          >
            <T k="kbUseBuiltIn" />
          </button>
        )}
      </div>
      <StatusBox
        status={status}
        testid="knowledge-import-status"
        problemsTestid="knowledge-import-problems"
      />
      {versions && versions.length > 0 && (
        <>
          <h3>
            <T k="kbVersions" />
          </h3>
          <ul data-testid="knowledge-versions">
            {versions.map((v) => (
              <li key={v.version} data-testid="knowledge-version" data-version={v.version}>
                <code>{v.version}</code> <span className="muted">{formatDateTime(v.importedAt)}</span>{" "}
                {v.active === 1 && inForce.stored ? (
                  <strong>
                    <T k="kbActive" />
                  </strong>
                ) : (
                  <button
                    type="button"
                    className="small"
                    data-testid="knowledge-activate"
                    onClick={() => run(() => store.activatePack(v.version))}
                  >
                    <T k="kbActivate" />
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  )
}
