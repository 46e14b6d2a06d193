import { readFileSync } from "node:fs"

import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CONTACT_ROLES, type Contact } from "../cases/model"
import { contactSchema } from "../cases/schema"
import {
  CONTACTS_CSV_LIMITS,
  contactId,
  contactsToCsv,
  csvCell,
  parseContactsCsv,
  parseRole,
} from "./contacts-csv"

const sample = (name: string) => readFileSync(new URL(`../../../samples/${name}`, import.meta.url), "utf8")

function ok(csv: string) {
  const r = parseContactsCsv(csv)
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`)
  return r
}
function fail(csv: string) {
  const r = parseContactsCsv(csv)
  if (r.ok) throw new Error("expected failure")
  return r.problems
}

describe("parseContactsCsv", () => {
  it("imports Chinese headers and roles", () => {
    const r = ok(
      "姓名,角色,网点,所属公司,片区,联系电话,工作时间\n陈晓燕,窗口人员,萧山网点,杭州分公司,浙北片区,0571-82345601,8:30-18:00\n",
    )
    expect(r.contacts).toEqual([
      {
        id: contactId({ name: "陈晓燕", role: "window", branch: "萧山网点", company: "杭州分公司" }),
        name: "陈晓燕",
        role: "window",
        branch: "萧山网点",
        company: "杭州分公司",
        region: "浙北片区",
        phone: "0571-82345601",
        hours: "8:30-18:00",
      },
    ])
    expect(r.warnings).toEqual([])
  })

  it("imports English headers and role spellings", () => {
    const r = ok(
      "Name,Role,Branch,Company,Phone,IM\nA,site manager,B1,C1,1,im-a\nB,branch_cs,,C1,2,\nC,Regional Head,,,3,\nD,HQ,,,4,\n",
    )
    expect(r.contacts.map((c) => c.role)).toEqual(["site_manager", "branch_cs", "regional_head", "hq_dept"])
    expect(r.contacts[0].im).toBe("im-a")
    expect(r.contacts[1]).not.toHaveProperty("branch")
  })

  it("accepts header variants (手机, 岗位, 所属公司, 编号)", () => {
    const r = ok("编号,姓名,岗位,所属公司,手机\nx1,王五,公司负责人,杭州分公司,13800001111\n")
    expect(r.contacts[0]).toEqual({
      id: "x1",
      name: "王五",
      role: "company_head",
      company: "杭州分公司",
      phone: "13800001111",
    })
  })

  it("strips a UTF-8 BOM and trims cells", () => {
    const r = ok("\uFEFF姓名 , 角色\n  李四 ,  现场  \n")
    expect(r.contacts[0].name).toBe("李四")
    expect(r.contacts[0].role).toBe("site_manager")
  })

  it("accepts CRLF line endings and tab-separated files", () => {
    expect(ok("姓名,角色\r\n李四,窗口\r\n").contacts).toHaveLength(1)
    expect(ok("姓名\t角色\t网点\n李四\t窗口\t萧山网点\n").contacts[0].branch).toBe("萧山网点")
  })

  it("fails on a missing required column, naming it", () => {
    const problems = fail("姓名,网点\n李四,萧山\n")
    expect(problems).toHaveLength(1)
    expect(problems[0].message).toContain("缺少必填列")
    expect(problems[0].message).toContain("role")
  })

  it("fails on an unknown role with a row-numbered bilingual message", () => {
    const problems = fail("姓名,角色\n李四,窗口\n王五,保安\n")
    expect(problems).toEqual([
      expect.objectContaining({
        where: "第 3 行 / row 3",
        message: expect.stringMatching(/^第 3 行：无法识别的角色「保安」.* \/ row 3: unknown role "保安"/),
      }),
    ])
  })

  it("fails on a missing name: 第 3 行：缺少姓名 / row 3: missing name", () => {
    const problems = fail("姓名,角色\n李四,窗口\n,窗口\n")
    expect(problems[0].message).toBe("第 3 行：缺少姓名 / row 3: missing name")
  })

  it("is all-or-nothing: one bad row rejects the whole file", () => {
    const r = parseContactsCsv("姓名,角色\n甲,窗口\n乙,窗口\n丙,不存在的角色\n")
    expect(r.ok).toBe(false)
    expect(r).not.toHaveProperty("contacts")
  })

  it("fails on duplicate ids, pointing at the first row", () => {
    const problems = fail("编号,姓名,角色\nx1,甲,窗口\nx2,乙,窗口\nx1,丙,窗口\n")
    expect(problems[0].message).toBe(
      '第 4 行：编号「x1」与第 2 行重复 / row 4: duplicate id "x1" (also on row 2)',
    )
  })

  it("fails on the same contact twice when ids are generated", () => {
    const problems = fail("姓名,角色,网点\n甲,窗口,萧山\n甲,窗口,萧山\n")
    expect(problems[0].message).toContain("与第 2 行是同一联系人")
  })

  it("generates stable ids that differ by branch", () => {
    const a = ok("姓名,角色,网点\n甲,窗口,萧山\n甲,窗口,余杭\n").contacts
    const b = ok("网点,角色,姓名,备注\n萧山,窗口,甲,换了列顺序\n").contacts
    expect(a[0].id).not.toBe(a[1].id)
    expect(b[0].id).toBe(a[0].id)
    expect(a[0].id).toMatch(/^c-[0-9a-f]{8}$/)
  })

  it("ignores extra columns with a warning", () => {
    const r = ok("姓名,角色,生日,\n甲,窗口,1990-01-01,\n")
    expect(r.contacts[0]).not.toHaveProperty("生日")
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0].message).toContain("已忽略未识别的列「生日」")
  })

  it("warns once about cells beyond the header", () => {
    const r = ok("姓名,角色\n甲,窗口,多余\n乙,窗口,多余\n")
    expect(r.contacts).toHaveLength(2)
    expect(r.warnings).toHaveLength(1)
  })

  it("handles quoted fields with commas, quotes and newlines", () => {
    const r = ok('姓名,角色,备注\n甲,窗口,"白班, 夜班请打""值班""电话\n第二行"\n乙,现场,\n')
    expect(r.contacts[0].note).toBe('白班, 夜班请打"值班"电话\n第二行')
    expect(r.contacts[1].name).toBe("乙")
  })

  it("numbers rows as a spreadsheet does, even after a multi-line cell", () => {
    const problems = fail('姓名,角色,备注\n甲,窗口,"一\n二\n三"\n,窗口,\n')
    expect(problems[0].where).toBe("第 3 行 / row 3")
  })

  it("keeps formula-like cells literally", () => {
    const r = ok('姓名,角色,电话,备注\n甲,窗口,+86 571 8234 5601,"=HYPERLINK(""http://x"")"\n@乙,现场,-1,\n')
    expect(r.contacts[0].phone).toBe("+86 571 8234 5601")
    expect(r.contacts[0].note).toBe('=HYPERLINK("http://x")')
    expect(r.contacts[1].name).toBe("@乙")
    expect(r.contacts[1].phone).toBe("-1")
  })

  it("reports malformed CSV (an unclosed quote)", () => {
    const problems = fail('姓名,角色\n甲,"窗口\n')
    expect(problems[0].message).toContain("CSV")
  })

  it("rejects an empty file and a header-only file", () => {
    expect(fail("")[0].message).toContain("文件为空")
    expect(fail("\uFEFF\n\n")[0].message).toContain("文件为空")
    expect(fail("姓名,角色\n")[0].message).toContain("没有联系人数据")
  })

  it("enforces field lengths with a clear message", () => {
    const problems = fail(`姓名,角色,备注\n甲,窗口,${"长".repeat(201)}\n`)
    expect(problems[0].message).toBe(
      "第 2 行：备注超过 200 个字符 / row 2: note is longer than 200 characters",
    )
    expect(fail(`姓名,角色\n${"名".repeat(101)},窗口\n`)[0].message).toContain("超过 100 个字符")
  })

  it("caps the number of rows", () => {
    const rows = Array.from({ length: CONTACTS_CSV_LIMITS.maxRows + 1 }, (_, i) => `n${i},窗口`)
    const problems = fail(`姓名,角色\n${rows.join("\n")}\n`)
    expect(problems[0].message).toContain("行数超过上限")
  })

  it("caps the problem list", () => {
    const rows = Array.from({ length: 300 }, () => ",窗口")
    const problems = fail(`姓名,角色\n${rows.join("\n")}\n`)
    expect(problems.length).toBe(CONTACTS_CSV_LIMITS.maxProblems + 1)
    expect(problems[problems.length - 1].message).toContain("问题过多")
  })

  it("every imported contact passes contactSchema", () => {
    for (const file of ["contacts-sample.csv", "contacts-sample-en.csv"]) {
      for (const c of ok(sample(file)).contacts) expect(contactSchema.safeParse(c).success).toBe(true)
    }
  })

  it("never throws on arbitrary input (property)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseContactsCsv(`姓名,角色\n${s}`)
        expect(typeof r.ok).toBe("boolean")
      }),
    )
    expect(parseContactsCsv(undefined as unknown as string).ok).toBe(false)
  })
})

describe("sample CSVs", () => {
  it.each(["contacts-sample.csv", "contacts-sample-en.csv"])("%s imports cleanly with every role", (file) => {
    const r = ok(sample(file))
    expect(r.warnings).toEqual([])
    expect(r.contacts.length).toBeGreaterThanOrEqual(14)
    expect(new Set(r.contacts.map((c) => c.role))).toEqual(new Set(CONTACT_ROLES))
    expect(new Set(r.contacts.map((c) => c.company).filter(Boolean)).size).toBe(2)
    expect(new Set(r.contacts.map((c) => c.region).filter(Boolean)).size).toBe(2)
  })

  it("the Chinese sample uses Chinese headers", () => {
    expect(sample("contacts-sample.csv").split("\n")[0]).toMatch(/^编号,姓名,角色/)
  })
})

describe("parseRole", () => {
  it.each([
    ["窗口人员", "window"],
    ["窗口", "window"],
    ["window", "window"],
    ["现场管理员", "site_manager"],
    ["Site Manager", "site_manager"],
    ["相关公司客服", "branch_cs"],
    ["公司客服", "branch_cs"],
    ["branch cs", "branch_cs"],
    ["公司负责人", "company_head"],
    ["company head", "company_head"],
    ["片区办公室负责人", "regional_head"],
    ["片区负责人", "regional_head"],
    ["regional head", "regional_head"],
    ["总部职能部门", "hq_dept"],
    ["总部", "hq_dept"],
    ["HQ", "hq_dept"],
    ["hq_dept", "hq_dept"],
  ])("%s → %s", (text, role) => {
    expect(parseRole(text)).toBe(role)
  })

  it("returns undefined for unknown roles", () => {
    expect(parseRole("保安")).toBeUndefined()
    expect(parseRole("")).toBeUndefined()
  })
})

describe("contactsToCsv", () => {
  const contacts: Contact[] = [
    { id: "a", name: "甲", role: "window", branch: "萧山, 一部", note: '说"你好"\n第二行' },
    {
      id: "b",
      name: "=1+1",
      role: "hq_dept",
      department: "@SUM(A1)",
      phone: "+86 571",
      im: "-x",
      hours: "\tx",
    },
  ]

  it("escapes formula-like cells with a leading apostrophe", () => {
    expect(csvCell("=1+1")).toBe("'=1+1")
    expect(csvCell("+86")).toBe("'+86")
    expect(csvCell("-x")).toBe("'-x")
    expect(csvCell("@a")).toBe("'@a")
    expect(csvCell("\tx")).toBe("'\tx")
    expect(csvCell("\rx")).toBe('"\'\rx"')
    expect(csvCell("0571-1")).toBe("0571-1")
    // An apostrophe already in front of a formula character is escaped again, so it survives re-import.
    expect(csvCell("'=x")).toBe("''=x")
    expect(csvCell("'abc")).toBe("'abc")
  })

  it("quotes commas, quotes and newlines", () => {
    expect(csvCell("a,b")).toBe('"a,b"')
    expect(csvCell('a"b')).toBe('"a""b"')
    expect(csvCell("a\nb")).toBe('"a\nb"')
    expect(csvCell(undefined)).toBe("")
  })

  it("writes Chinese headers and role labels with a BOM by default", () => {
    const csv = contactsToCsv(contacts)
    expect(csv.startsWith("\uFEFF编号,姓名,角色,网点")).toBe(true)
    expect(csv).toContain("a,甲,窗口人员,")
    expect(csv).toContain("'=1+1")
    expect(contactsToCsv(contacts, { headers: "en", bom: false }).startsWith("id,name,role,")).toBe(true)
  })

  it("round-trips through parseContactsCsv, in both header languages", () => {
    for (const headers of ["zh", "en"] as const) {
      expect(ok(contactsToCsv(contacts, { headers })).contacts).toEqual(contacts)
    }
  })

  it("round-trips arbitrary contacts (property)", () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .map((s) => s.trim())
      .filter((s) => s !== "")
    const contact = fc.record(
      {
        id: text,
        name: text,
        role: fc.constantFrom(...CONTACT_ROLES),
        branch: text,
        company: text,
        note: text,
      },
      { requiredKeys: ["id", "name", "role"] },
    )
    fc.assert(
      fc.property(fc.uniqueArray(contact, { selector: (c) => c.id, minLength: 1, maxLength: 5 }), (list) => {
        fc.pre(list.every((c) => !c.id.includes("\u0000")))
        const r = parseContactsCsv(contactsToCsv(list))
        expect(r.ok && r.contacts).toEqual(list)
      }),
    )
  })
})
