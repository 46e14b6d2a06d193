import { describe, expect, it } from "vitest"

import { recordConsole, screenshot, sidebarFrame, sidebarText } from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }

describe("facts already on the ticket page prefill the handoff form", () => {
  const suite = extensionSuite()
  const { logs } = suite

  it("a ticket page's name, phone and latest scan: shown (phone masked), prefilled, editable, not saved", async () => {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    const id = suite.session.extensionId
    await page.goto(suite.server.url("ticket-facts.html"))
    const frame = await sidebarFrame(page, id)
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe("462598779470531")

    // The customer's own card wins over the receiver's row; the phone is masked until asked for.
    await expect.poll(() => sidebarText(page, id, "fact-name"), POLL).toContain("黄先生")
    expect(await sidebarText(page, id, "fact-phone-value")).toBe("133****6284")
    await frame.getByTestId("fact-phone-toggle").click()
    expect(await sidebarText(page, id, "fact-phone-value")).toBe("13305716284")
    await frame.getByTestId("fact-phone-toggle").click()
    expect(await sidebarText(page, id, "fact-phone-value")).toBe("133****6284")
    // The newest scan is the table's last row (it runs oldest first).
    expect(await sidebarText(page, id, "fact-latest")).toContain("2024-11-03 08:15:22")
    expect(await sidebarText(page, id, "fact-latest")).toContain("杭州拱墅湖墅营业部")
    const addresses = await frame.getByTestId("fact-address").allTextContents()
    expect(addresses.join("|")).toContain("湖墅南路 186 号")
    expect(addresses.join("|")).toContain("深圳市南山区科技园")

    // The form is filled in, visibly, and nothing is saved by itself.
    const name = frame.getByTestId("handoff-customer-name")
    await expect.poll(() => name.inputValue(), POLL).toBe("黄先生")
    expect(await frame.getByTestId("handoff-customer-contact").inputValue()).toBe("13305716284")
    expect(await frame.getByTestId("handoff-actions").inputValue()).toContain(
      "2024-11-03 08:15:22 杭州市 快件已到达【杭州拱墅湖墅营业部】，等待派送",
    )
    expect(await frame.getByTestId("handoff-note").count()).toBe(0)
    console.log(`screenshot: ${await screenshot(page, "facts-ticket")}`)

    // The agent's correction stays while the page changes (here: a new line in the history).
    await name.fill("黄志刚先生")
    await page.evaluate(() => {
      const p = document.createElement("p")
      p.textContent = "2024-11-06 10:40 客服 张晓梅：已回电客户。"
      document.querySelector("textarea")!.before(p)
    })
    await page.waitForTimeout(800)
    expect(await name.inputValue()).toBe("黄志刚先生")
    expect(await frame.getByTestId("handoff-note").count()).toBe(0)
    await page.close()
  })

  it("the ticket open in a queue's reading pane prefills the form with that ticket's customer", async () => {
    const page = await suite.session.context.newPage()
    recordConsole(page, logs)
    const id = suite.session.extensionId
    await page.goto(suite.server.url("queue/index.html"))
    const frame = await sidebarFrame(page, id)
    await page.locator('tr[data-id="GD2024110602"]').click()
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe("JDVC14065102105")
    await expect.poll(() => frame.getByTestId("handoff-customer-name").inputValue(), POLL).toBe("马晓琳")
    expect(await frame.getByTestId("handoff-customer-contact").inputValue()).toBe("15158036627")
    // The timeline runs newest first here.
    expect(await frame.getByTestId("handoff-actions").inputValue()).toContain("2024-11-06 09:20:11")
    await page.locator('tr[data-id="GD2024110605"]').click()
    await expect.poll(() => sidebarText(page, id, "waybill-number"), POLL).toBe("YT7477226345628")
    await expect.poll(() => frame.getByTestId("handoff-customer-name").inputValue(), POLL).toBe("吴天宇")
    expect(await sidebarText(page, id, "fact-phone-value")).toBe("189****0473")
    await page.close()
  })
})
