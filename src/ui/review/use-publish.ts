/**
 * Publishing a phrasebook QA edited (a rule or the checklist): the next free version number, the same
 * bar as an import (schema + every example), the built-in book kept as a version to roll back to,
 * the new one stored and activated, and a copy downloaded for the admin.
 */
import { useCallback } from "react"

import { checkPublishable, nextVersion } from "~lib/audit/rule-lab"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import type { Phrasebook } from "~lib/phrasing/types"

import { downloadText } from "../download"
import { text } from "../i18n"
import { errorMessage, useLocale } from "../locale"
import { useServices } from "../services"
import type { Status } from "../status-box"
import { useVersions } from "./review-data"

/** Returns `publish(base, candidate)`: it reports its outcome through `setStatus`. */
export function usePublish(setStatus: (status: Status | null) => void) {
  const { phrasebooks, now } = useServices()
  const locale = useLocale()
  const versions = useVersions()
  return useCallback(
    async (base: Phrasebook, candidate: Phrasebook) => {
      setStatus(null)
      const d = new Date(now())
      const taken = (versions ?? []).map((v) => v.version)
      const version = nextVersion(base.version, [d.getFullYear(), d.getMonth() + 1], taken)
      const check = checkPublishable({ ...candidate, version })
      if (!check.ok) {
        setStatus({ kind: "error", message: text(locale, "qaCannotPublish"), problems: check.problems })
        return
      }
      try {
        // Keep the built-in book as a stored version so QA can roll back to it.
        if (!taken.includes(DEFAULT_PHRASEBOOK.version))
          await phrasebooks.putPhrasebook(DEFAULT_PHRASEBOOK.version, DEFAULT_PHRASEBOOK)
        await phrasebooks.putPhrasebook(version, check.book, { activate: true })
        downloadText(`phrasebook-${version}.json`, JSON.stringify(check.book, null, 2), "application/json")
        setStatus({ kind: "ok", message: text(locale, "qaPublished", { version }) })
      } catch (error) {
        setStatus({ kind: "error", message: errorMessage(error, locale) })
      }
    },
    [phrasebooks, now, locale, versions, setStatus],
  )
}
