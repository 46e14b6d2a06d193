/**
 * The QA review page over a given audit trail, for component tests: what a QA lead opens after the
 * agents' events are in the database. Test code only.
 */
import type { AuditEvent } from "~lib/audit/model"
import type { Repositories } from "~lib/store/repositories"

import { fakeBrowser, mount, testRepositories } from "../component.test-helper"
import { ReviewApp } from "./review-app"

export interface OpenReviewOptions {
  /** The audit trail the page finds. */
  events?: AuditEvent[]
  /** The browser's extension storage (settings such as the retention) before the page opens. */
  storage?: Record<string, unknown>
  /** The database behind the page, when a test seeds more than audit events. */
  repos?: Repositories
  now?: () => number
}

/** Opens the review page with `events` in its database. */
export async function openReview(options: OpenReviewOptions = {}) {
  const { events = [], storage = {}, repos = testRepositories(), now } = options
  if (events.length > 0) await repos.audit.addAuditEvents(events)
  const browser = fakeBrowser()
  for (const [key, value] of Object.entries(storage)) browser.storage.set(key, value)
  const view = await mount(<ReviewApp />, { browser, repos, now })
  return { ...view, repos }
}
