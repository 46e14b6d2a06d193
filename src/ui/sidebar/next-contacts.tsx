/** Whom to contact at the advised level: up to five ranked contacts with phone / IM to copy. */
import type { Contact } from "~lib/cases/model"
import type { RankedContact } from "~lib/escalation/next-escalation"

import { CopyButton } from "../copy-button"
import { primary } from "../i18n"
import { T, useLocale, usePick } from "../locale"
import { ROLE_KEYS } from "./escalation-labels"

/** Contacts listed at once; the directory's order of fit decides which. */
const SHOWN = 5

export function NextContacts(props: {
  ranked: RankedContact[]
  /** False when no directory is loaded at all (then the list says so). */
  directoryLoaded: boolean
  /** "Log this": the contact goes into the attempt form. */
  onChoose: (contact: Contact) => void
}) {
  const locale = useLocale()
  const pick = usePick()
  return (
    <>
      <h3>
        <T k="contactsAtLevel" />
      </h3>
      {!props.directoryLoaded && (
        <p className="muted small-text">
          <T k="noContactsLoaded" />
        </p>
      )}
      <ul className="list">
        {props.ranked.slice(0, SHOWN).map(({ contact, reason }) => (
          <li
            key={contact.id}
            className="list-item"
            data-testid="escalation-next-contact"
            data-contact-id={contact.id}
          >
            <div className="row">
              <span>
                <strong className="contact-name">{contact.name}</strong>{" "}
                <span className="muted small-text">
                  {primary(locale, ROLE_KEYS[contact.role])}
                  {[contact.branch, contact.company, contact.region, contact.department]
                    .filter((x): x is string => Boolean(x))
                    .map((x) => ` · ${x}`)
                    .join("")}
                </span>
              </span>
              <button
                type="button"
                className="small"
                data-testid="escalation-log-this"
                onClick={() => props.onChoose(contact)}
              >
                <T k="logThis" />
              </button>
            </div>
            <div className="small-text contact-details">
              {contact.phone && (
                <span className="phone" data-testid="contact-phone">
                  {contact.phone}
                </span>
              )}
              {contact.phone && <CopyButton value={contact.phone} testid="contact-phone-copy" />}
              {contact.im && (
                <span className="im" data-testid="contact-im">
                  IM {contact.im}
                </span>
              )}
              {contact.im && <CopyButton value={contact.im} testid="contact-im-copy" />}
              {contact.hours && (
                <span className="muted" data-testid="contact-hours">
                  {contact.hours}
                </span>
              )}
            </div>
            <div className="muted small-text">{pick(reason)}</div>
          </li>
        ))}
      </ul>
    </>
  )
}
