// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { PURGE_WORD } from "../i18n"
import {
  allByTestId,
  byTestId,
  chooseFile,
  click,
  fakeBrowser,
  mount,
  testStore,
  typeInto,
  waitFor,
} from "../component.test-helper"
import { OptionsApp } from "./options-app"

describe("OptionsApp", () => {
  it("saves the agent profile", async () => {
    const store = testStore()
    const { container: c } = await mount(<OptionsApp />, { repos: store })
    await typeInto(await waitFor(() => byTestId(c, "profile-name")), " 王芳 ")
    await typeInto(byTestId(c, "profile-workid"), "8012")
    await typeInto(byTestId(c, "profile-company"), "示例速运")
    await click(byTestId(c, "profile-save"))
    await waitFor(async () =>
      expect((await store.getSettings()).profile).toEqual({
        name: "王芳",
        workId: "8012",
        company: "示例速运",
      }),
    )
    await waitFor(() => expect(byTestId(c, "profile-status").textContent).toContain("已保存"))
  })

  it("edits a site's selector and carrier hint, refuses a broken selector, and disables via the worker", async () => {
    const store = testStore()
    await store.updateSettings({
      sites: [{ origin: "https://crm.example.com", enabledAt: 1_700_000_000_000 }],
    })
    const fb = fakeBrowser({ handlers: { "site.disable": () => ({ ok: true }) } })
    const { container: c } = await mount(<OptionsApp />, { browser: fb, repos: store })
    const row = await waitFor(() => byTestId(c, "site-row"))
    expect(row.dataset.origin).toBe("https://crm.example.com")

    await typeInto(byTestId(row, "site-selector"), "#waybill[")
    await click(byTestId(row, "site-save"))
    await waitFor(() => expect(byTestId(row, "site-status").textContent).toContain("选择器"))
    expect((await store.getSettings()).sites[0].pinnedSelector).toBeUndefined()

    await typeInto(byTestId(row, "site-selector"), "#waybill")
    await typeInto(byTestId(row, "site-carrier"), "zto")
    await click(byTestId(row, "site-save"))
    await waitFor(async () =>
      expect((await store.getSettings()).sites[0]).toEqual({
        origin: "https://crm.example.com",
        enabledAt: 1_700_000_000_000,
        pinnedSelector: "#waybill",
        carrierHint: "zto",
      }),
    )

    await click(byTestId(row, "site-disable"))
    await waitFor(() =>
      expect(fb.messages.find((m) => m.name === "site.disable")?.body).toEqual({
        origin: "https://crm.example.com",
      }),
    )
  })

  it("switches the language to English only", async () => {
    const store = testStore()
    const { container: c } = await mount(<OptionsApp />, { repos: store })
    await typeInto(await waitFor(() => byTestId(c, "locale")), "en")
    await waitFor(() => expect(byTestId(c, "profile-save").textContent).toBe("Save"))
    expect((await store.getSettings()).locale).toBe("en")
  })

  it("switches the sidebar mode and mirrors it for open tabs", async () => {
    const store = testStore()
    const fb = fakeBrowser()
    const view = await mount(<OptionsApp />, { browser: fb, repos: store })
    await typeInto(await waitFor(() => byTestId(view.container, "sidebar-mode")), "sidepanel")
    await waitFor(() => expect(fb.storage.get("sidebarMode")).toBe("sidepanel"))
    expect((await store.getSettings()).sidebarMode).toBe("sidepanel")
  })

  it("imports the contact directory from CSV, all or nothing", async () => {
    const store = testStore()
    const view = await mount(<OptionsApp />, { repos: store })
    const c = view.container
    const input = await waitFor(() => byTestId<HTMLInputElement>(c, "directory-import"))
    await chooseFile(
      input,
      "姓名,角色,网点,电话\n刘站长,现场管理员,文三路营业点,0571-88880001\n王客服,相关公司客服,,\n",
      "backup.json",
    )
    // A preview first; nothing is written until the agent confirms.
    await waitFor(() => expect(allByTestId(c, "directory-preview-row")).toHaveLength(2))
    expect(byTestId(c, "directory-preview").textContent).toContain("文三路营业点")
    expect(await store.listContacts()).toHaveLength(0)
    await click(byTestId(c, "directory-import-confirm"))
    await waitFor(() => expect(byTestId(c, "directory-count").textContent).toContain("2"))
    expect((await store.listContacts()).map((x) => x.name).sort()).toEqual(["刘站长", "王客服"])

    await chooseFile(input, "姓名,角色\n张三,不存在的角色\n", "backup.json")
    await waitFor(() => expect(byTestId(c, "directory-problems").textContent).toContain("不存在的角色"))
    expect(c.querySelector('[data-testid="directory-import-confirm"]')).toBeNull()
    expect(await store.listContacts()).toHaveLength(2)
  })

  it("imports nothing from a bad file and lists each problem", async () => {
    const store = testStore()
    const { container: c } = await mount(<OptionsApp />, { repos: store })
    const input = await waitFor(() => byTestId<HTMLInputElement>(c, "data-import"))

    await chooseFile(input, "{not json", "backup.json")
    // The located problem (line and column) is listed under the status line.
    await waitFor(() => expect(byTestId(c, "import-problems").textContent).toContain("JSON"))
    expect(byTestId(c, "import-problems").textContent).toMatch(/第 1 行第 \d+ 列/)
    expect(byTestId(c, "data-status").textContent).toContain("未导入任何数据")

    const backup = await store.exportAll()
    const broken = {
      ...backup,
      notes: [{ id: "x", waybill: "bad waybill!", createdAt: 1, author: { name: "a", workId: "1" } }],
    }
    await chooseFile(input, JSON.stringify(broken), "backup.json")
    await waitFor(() => expect(allByTestId(c, "import-problem").length).toBeGreaterThan(0))
    expect(byTestId(c, "import-problems").textContent).toContain("notes[0]")
    expect(await store.searchNotes("x")).toEqual([])
  })

  it("round-trips an export through a merge import", async () => {
    const source = testStore()
    await source.addNote({
      id: "n1",
      waybill: "SF1385628716739",
      createdAt: 1_700_000_000_000,
      author: { name: "王芳", workId: "8012" },
      problem: "滞留",
      actionsTaken: "",
      contacted: "",
      promise: "",
      nextStep: "",
    })
    const target = testStore()
    const view = await mount(<OptionsApp />, { repos: target })
    const input = await waitFor(() => byTestId<HTMLInputElement>(view.container, "data-import"))
    await chooseFile(input, JSON.stringify(await source.exportAll()), "backup.json")
    await waitFor(() => expect(byTestId(view.container, "data-status").className).toBe("ok"))
    expect(await target.listNotes("SF1385628716739")).toHaveLength(1)
  })

  it("replace needs an explicit confirmation before a file can be chosen", async () => {
    const { container: c } = await mount(<OptionsApp />)
    await click(await waitFor(() => byTestId(c, "import-mode-replace")))
    expect(byTestId<HTMLInputElement>(c, "data-import").disabled).toBe(true)
    await click(byTestId(c, "import-replace-confirm"))
    expect(byTestId<HTMLInputElement>(c, "data-import").disabled).toBe(false)
  })

  it("purges only after the confirmation word is typed", async () => {
    const store = testStore()
    await store.updateSettings({ profile: { name: "王芳", workId: "8012", company: "" } })
    const { container: c } = await mount(<OptionsApp />, { repos: store })
    const button = await waitFor(() => byTestId<HTMLButtonElement>(c, "data-purge"))
    expect(button.disabled).toBe(true)
    await typeInto(byTestId(c, "data-purge-confirm"), "delete")
    expect(button.disabled).toBe(true)
    await typeInto(byTestId(c, "data-purge-confirm"), PURGE_WORD)
    await click(button)
    await waitFor(async () => expect((await store.getSettings()).profile.name).toBe(""))
    await waitFor(() => expect(byTestId<HTMLInputElement>(c, "profile-name").value).toBe(""))
  })
})
