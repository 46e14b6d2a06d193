/** How a backup is imported: merged into what is stored, or replacing it (only after a second tick). */
import { T, useT } from "../locale"

export type ImportMode = "merge" | "replace"

export function ImportModeChoice(props: {
  mode: ImportMode
  onMode: (mode: ImportMode) => void
  replaceOk: boolean
  onReplaceOk: (ok: boolean) => void
}) {
  const t = useT()
  return (
    <>
      <div className="radio-row" role="radiogroup" aria-label={t("importData")}>
        <label>
          <input
            type="radio"
            name="import-mode"
            data-testid="import-mode-merge"
            checked={props.mode === "merge"}
            onChange={() => props.onMode("merge")}
          />
          <T k="importMerge" />
        </label>
        <label>
          <input
            type="radio"
            name="import-mode"
            data-testid="import-mode-replace"
            checked={props.mode === "replace"}
            onChange={() => props.onMode("replace")}
          />
          <T k="importReplace" />
        </label>
      </div>
      {props.mode === "replace" && (
        <label className="notice" style={{ display: "flex", gap: 6, alignItems: "center" }}>
          <input
            type="checkbox"
            data-testid="import-replace-confirm"
            checked={props.replaceOk}
            onChange={(e) => props.onReplaceOk(e.target.checked)}
          />
          <T k="importReplaceConfirm" />
        </label>
      )}
    </>
  )
}
