/**
 * The sidebar as the agent first sees it in a CRM tab, for component tests: a profile saved, the
 * worker vouching for the frame, the page's port connected. Test code only.
 */
import { expect } from "vitest"

import type { Settings } from "~lib/store/contract"

import {
  fakeBrowser,
  mount,
  testRepositories,
  waitFor,
  type FakeBrowser,
  type MountOptions,
} from "../component.test-helper"
import { SidebarApp } from "./sidebar-app"

export const CRM_ORIGIN = "https://crm.example.com"

/** The worker's answer for a sidebar frame framed into an enabled CRM tab (tab 7 of CRM_ORIGIN). */
export const allowedFrame = () => ({ tabId: 7, origin: CRM_ORIGIN, allowed: true })

/** A fake browser whose worker vouches for the sidebar frame. */
export const allowedBrowser = (): FakeBrowser => fakeBrowser({ handlers: { "sidebar.whoami": allowedFrame } })

export const AGENT_PROFILE: Settings["profile"] = { name: "王芳", workId: "8012", company: "示例速运" }

export interface OpenSidebarOptions extends MountOptions {
  /** Settings saved before the sidebar opens; by default only AGENT_PROFILE. */
  settings?: Partial<Settings>
}

/** Opens the in-page sidebar and waits for its port to the page (the agent's profile saved first). */
export async function openSidebar(options: OpenSidebarOptions = {}) {
  const { settings = { profile: AGENT_PROFILE }, repos = testRepositories(), ...rest } = options
  const browser = rest.browser ?? allowedBrowser()
  await ("audit" in repos ? repos.store : repos).updateSettings(settings)
  const view = await mount(<SidebarApp mode="inpage" />, { ...rest, browser, repos })
  const port = await waitFor(() => {
    expect(browser.ports).toHaveLength(1)
    return browser.ports[0]
  })
  return { ...view, port, store: view.services.store }
}
