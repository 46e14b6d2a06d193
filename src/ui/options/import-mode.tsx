/** How a backup is imported: merged into what is stored, or replacing it (only after a second tick). */
import { T, useT } from "../locale"

export type ImportMode = "merge" | "replace"

const MODES = [
  ["merge", "importMerge"],
  ["replace", "importReplace"],
] as const

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
        {MODES.map(([mode, label]) => (
          <label key={mode}>
            <input
              type="radio"
              name="import-mode"
              data-testid={`import-mode-${mode}`}
              checked={props.mode === mode}
              onChange={() => props.onMode(mode)}
            />
            <T k={label} />
          </label>
        ))}
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
