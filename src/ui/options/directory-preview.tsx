/** What a contact CSV would load, before anything is written: the first rows, the encoding, confirm or cancel. */
import type { Contact } from "~lib/cases/model"
import type { ImportEncoding } from "~lib/import-file"
import type { ImportProblem } from "~lib/store/contract"

import { text } from "../i18n"
import { T, useLocale } from "../locale"
import { ROLE_KEYS } from "../sidebar/escalation-labels"

export interface DirectoryPreviewData {
  contacts: Contact[]
  warnings: ImportProblem[]
  encoding: ImportEncoding
}

/** Rows shown before the agent confirms; the rest are counted. */
const SHOWN = 10

export function DirectoryPreview(props: {
  preview: DirectoryPreviewData
  onConfirm: () => void
  onCancel: () => void
}) {
  const locale = useLocale()
  const { contacts, encoding } = props.preview
  return (
    <div className="preview" data-testid="directory-preview">
      <p>
        <T k="directoryPreview" values={{ n: contacts.length }} />
      </p>
      <p className="muted" data-testid="directory-encoding">
        <T k="directoryEncoding" values={{ encoding }} />
      </p>
      <table>
        <tbody>
          {contacts.slice(0, SHOWN).map((c) => (
            <tr key={c.id} data-testid="directory-preview-row">
              <td>{c.name}</td>
              <td>{text(locale, ROLE_KEYS[c.role])}</td>
              <td className="wrap">
                {[c.branch, c.company, c.region, c.department].filter(Boolean).join(" · ")}
              </td>
              <td>{c.phone}</td>
              <td>{c.hours}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {contacts.length > SHOWN && (
        <p className="muted">
          <T k="directoryMore" values={{ n: contacts.length - SHOWN }} />
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="directory-import-confirm"
          onClick={props.onConfirm}
        >
          <T k="directoryConfirm" />
        </button>
        <button type="button" data-testid="directory-import-cancel" onClick={props.onCancel}>
          <T k="cancel" />
        </button>
      </div>
    </div>
  )
}
