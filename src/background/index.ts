/**
 * The service worker's composition root: listeners only, each concern in its own file. Listeners
 * are added synchronously at the top level so that an event that wakes the worker is delivered.
 */
import { onAlarm, onNotificationClicked, syncCallbacks } from "./callbacks"
import { onCommand } from "./commands"
import { e2eSites } from "./e2e-sites"
import { onStorageChanged, refreshPolicy } from "./policy"
import { onMessage } from "./router"
import { watchSidebarMode } from "./sidebar-mode"
import { onPermissionsAdded, onPermissionsRemoved, reconcileSites } from "./sites"
import { isTeamPolicyChange } from "./team-config"
import { onTeamAlarm, syncTeamPolicy } from "./team-sync"

const warn = (what: string) => (err: unknown) => console.warn(`cs-sidekick: ${what}`, err)

watchSidebarMode()

chrome.runtime.onMessage.addListener(onMessage)

// The worker may have been stopped in the middle of anything (e.g. while a sidebar asked it to
// schedule a reminder for a note it had just saved): every start re-reads the reminders from the
// database, the only source of truth. Cheap: one indexed query and the alarm list.
syncCallbacks().catch(warn("callbacks on worker start"))
// Team sync follows the admin's policy; with none it only makes sure the outbox is off (no network).
syncTeamPolicy().catch(warn("team policy on worker start"))

chrome.storage.onChanged.addListener((changes, area) => {
  if (isTeamPolicyChange(changes, area)) syncTeamPolicy().catch(warn("team policy change"))
})

// The admin policy: read at every start (it may have changed while the worker slept or the browser
// was closed) and whenever the browser reports a change to managed storage.
refreshPolicy().catch(warn("policy on worker start"))
chrome.storage.onChanged.addListener((_changes, area) => onStorageChanged(area))

chrome.runtime.onInstalled.addListener((details) => {
  const seed = details.reason === "install" ? e2eSites() : []
  // After install / update / reload, open CRM tabs get a fresh content script.
  reconcileSites({ inject: true, seed }).catch(warn("reconcile on install"))
  syncCallbacks().catch(warn("callbacks on install"))
})

chrome.runtime.onStartup.addListener(() => {
  reconcileSites({ inject: false }).catch(warn("reconcile on startup"))
  syncCallbacks().catch(warn("callbacks on startup"))
})

chrome.permissions.onRemoved.addListener(() => {
  onPermissionsRemoved().catch(warn("permissions removed"))
})

chrome.permissions.onAdded.addListener(() => {
  onPermissionsAdded().catch(warn("permissions added"))
})

chrome.alarms.onAlarm.addListener((alarm) => {
  onAlarm(alarm).catch(warn("alarm"))
  onTeamAlarm(alarm).catch(warn("team alarm"))
})

chrome.notifications.onClicked.addListener((id) => {
  onNotificationClicked(id).catch(warn("notification click"))
})

chrome.commands.onCommand.addListener(onCommand)

// e2e build only (PLASMO_PUBLIC_E2E_TEAM is inlined by Parcel; the production build has no such
// branch): Playwright cannot press a browser command (Alt+Shift+S) or click a system notification, so
// the specs call the very handlers these listeners run, from the service worker.
if (process.env.PLASMO_PUBLIC_E2E_TEAM === "1")
  Object.assign(globalThis, { cskE2e: { onCommand, onNotificationClicked } })
