import { describe, expect, it } from "vitest"

import { sidebarFrame, sidebarText } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const WAYBILL = "SF1385628716739"
const ALARM = `callback:${WAYBILL}`

const pad = (n: number) => String(n).padStart(2, "0")
/** The datetime-local value (minute precision, local time) for an epoch-ms time. */
const localMinute = (ms: number) => {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

describe("callback reminders", () => {
  // One profile for the suite: a test restarts the browser on it.
  const suite = extensionSuite({ keepProfile: true })

  it(
    "schedules an alarm for the promised callback and shows a notification when it is due",
    { timeout: 150_000 },
    async () => {
      const page = await suite.open("legacy-ticket.html")
      const frame = await sidebarFrame(page, suite.session.extensionId)
      await expect
        .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), { timeout: 20_000 })
        .toBe(WAYBILL)

      // The field has minute precision: promise the callback for the next whole minute (at least
      // 10 s away, so the alarm is scheduled rather than shown at once as overdue).
      const minute = 60_000
      let due = Math.ceil(Date.now() / minute) * minute
      if (due - Date.now() < 10_000) due += minute
      const form = frame.getByTestId("handoff-form")
      await form.getByTestId("handoff-problem").fill("快件滞留，客户要求回电告知派送时间")
      await form.getByTestId("handoff-promise").fill("尽快回电告知派送安排")
      await form.getByTestId("handoff-callback").fill(localMinute(due))
      await form.getByTestId("handoff-save").click()
      await frame.getByTestId("handoff-saved").waitFor({ timeout: 15_000 })

      const sw = await suite.session.worker()
      const alarm = await sw.evaluate(async (name) => (await chrome.alarms.get(name)) ?? null, ALARM)
      expect(alarm?.scheduledTime).toBe(due)
      expect(await sw.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).not.toContain(
        ALARM,
      )

      await expect
        .poll(
          async () =>
            Object.keys(await (await suite.session.worker()).evaluate(() => chrome.notifications.getAll())),
          {
            timeout: due - Date.now() + 30_000,
            interval: 500,
          },
        )
        .toContain(ALARM)

      // Clicking the notification opens the case: the service worker's onClicked handler (run here
      // directly: a system notification cannot be clicked from Playwright) focuses the case's tab, or
      // opens its page when the tab is gone.
      const other = await suite.session.context.newPage()
      await other.goto(suite.server.url("lookalikes.html"))
      const click = async () =>
        (await suite.session.worker()).evaluate(
          (id) =>
            (
              globalThis as unknown as { cskE2e: { onNotificationClicked(id: string): Promise<void> } }
            ).cskE2e.onNotificationClicked(id),
          ALARM,
        )
      await click()
      const active = () =>
        suite.session.worker().then((w) =>
          w.evaluate(async () => {
            const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true })
            return tab?.url ?? ""
          }),
        )
      await expect.poll(active, { timeout: 15_000 }).toContain("legacy-ticket.html")
      expect(
        Object.keys(await (await suite.session.worker()).evaluate(() => chrome.notifications.getAll())),
      ).not.toContain(ALARM)
      const pageUrl = page.url()
      await page.close()
      const opened = suite.session.context.waitForEvent("page", { timeout: 15_000 })
      await click()
      expect((await opened).url()).toBe(pageUrl)
      await other.close()
    },
  )

  it("a callback promised with the +30 min button is still scheduled after the browser restarts", async () => {
    const waybill = "YT8827361045592"
    const page = await suite.open("lookalikes.html")
    const frame = await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), { timeout: 20_000 })
      .toBe(waybill)
    const form = frame.getByTestId("handoff-form")
    await form.getByTestId("handoff-problem").fill("物流停在杭州转运中心两天未更新")
    await form.getByTestId("handoff-promise").fill("半小时内回电告知排查结果")
    const before = Date.now()
    await form.getByTestId("callback-plus30m").click()
    const value = await form.getByTestId("handoff-callback").inputValue()
    const [datePart, timePart] = value.split("T")
    const [y, mo, d] = datePart!.split("-").map(Number)
    const [h, mi] = timePart!.split(":").map(Number)
    const due = new Date(y!, mo! - 1, d!, h!, mi!).getTime()
    // Whole minutes, 30–31 minutes from now.
    expect(due - before).toBeGreaterThanOrEqual(29 * 60_000)
    expect(due - before).toBeLessThanOrEqual(31 * 60_000)
    await form.getByTestId("handoff-save").click()
    await frame.getByTestId("handoff-saved").waitFor({ timeout: 15_000 })

    const alarmTime = async () =>
      (await suite.session.worker())
        .evaluate(
          async (name) => (await chrome.alarms.get(name))?.scheduledTime ?? null,
          `callback:${waybill}`,
        )
        .catch(() => null)
    await expect.poll(alarmTime, { timeout: 10_000 }).toBe(due)

    await suite.relaunch()
    await expect.poll(alarmTime, { timeout: 20_000 }).toBe(due)
    expect(
      Object.keys(await (await suite.session.worker()).evaluate(() => chrome.notifications.getAll())),
    ).not.toContain(`callback:${waybill}`)
  })
})
