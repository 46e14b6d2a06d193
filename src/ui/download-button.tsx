/** A button that makes a file when clicked and saves it (exports of the trail, scorecards, contacts, packs). */
import { downloadText } from "./download"
import type { StringKey } from "./i18n"
import { T } from "./locale"

export function DownloadButton(props: {
  label: StringKey
  testid: string
  disabled?: boolean
  /** Called on click, so the file holds what is shown then. */
  file: () => { name: string; content: string; type: string }
}) {
  return (
    <button
      type="button"
      data-testid={props.testid}
      disabled={props.disabled}
      onClick={() => {
        const f = props.file()
        downloadText(f.name, f.content, f.type)
      }}
    >
      <T k={props.label} />
    </button>
  )
}
