/**
 * 网点 cards from the contact directory: one card per branch with its phone (window staff first,
 * then the site manager) and hours, so "萧山网点电话" finds it like any other card.
 */
import type { Contact } from "../cases/model"
import type { KnowledgeCard } from "./types"

/** Role order for the outlet's public phone: the window desk answers customers. */
const ROLE_ORDER: Partial<Record<Contact["role"], number>> = { window: 0, site_manager: 1 }

/** A stable kebab id from the branch name (FNV-1a, base 36): the QA trail keeps it across imports. */
function outletId(branch: string): string {
  let h = 0x811c9dc5
  for (const ch of branch) {
    h ^= ch.codePointAt(0) ?? 0
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `outlet-${h.toString(36)}`
}

/** The branch name without its 网点 / 营业部 suffix, for search ("萧山" finds 杭州萧山网点). */
const bare = (branch: string) => branch.replace(/(网点|营业部|分部|服务点)$/, "")

/**
 * One outlet card per branch that has a level-1 contact (window or site manager) with a phone.
 * Text from the directory goes in as values, never into the template, so `{` in a name stays text.
 */
export function outletCards(contacts: readonly Contact[], effective: string): KnowledgeCard[] {
  const byBranch = new Map<string, Contact[]>()
  for (const c of contacts) {
    const branch = c.branch?.trim()
    if (!branch || ROLE_ORDER[c.role] === undefined || !c.phone?.trim()) continue
    byBranch.set(branch, [...(byBranch.get(branch) ?? []), c])
  }
  const cards: KnowledgeCard[] = []
  for (const [branch, list] of [...byBranch].sort(([a], [b]) => a.localeCompare(b, "zh"))) {
    const sorted = [...list].sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9))
    const main = sorted[0]
    const hours = sorted.find((c) => c.hours?.trim())?.hours?.trim()
    const phones = sorted.map((c) => `${c.phone?.trim() ?? ""}（${c.name}）`).join("，")
    const where = [main.company, main.region].filter((x) => x?.trim()).join(" · ")
    const short = bare(branch)
    // Agents say "萧山网点", not "杭州萧山网点": also index the name without a leading two-character city.
    const local = short.length >= 4 ? short.slice(2) : short
    cards.push({
      id: outletId(branch),
      area: "outlets",
      title: `${branch}`,
      keywords: [...new Set([branch, short, local, `${local}网点`].filter((k) => k.length <= 30))],
      // Not "网点电话" etc.: every outlet would match them; the 网点查询 card answers the generic question.
      synonyms: where ? [where.slice(0, 30)] : [],
      answer: `电话：${phones}${hours ? `；工作时间：${hours}` : ""}${where ? `；所属：${where}` : ""}。目录没有地址：插入前请填写网点地址。`,
      checks: ["地址以系统登记为准", "确认网点当前是否营业"],
      script:
        "{网点名称}的地址是{网点地址}，联系电话{网点电话}[，营业时间{营业时间}]。如有需要，我也可以帮您联系网点。",
      sources: [
        { kind: "company", title: "升级联系人目录（管理员导入）", note: "网点电话与工作时间" },
        { kind: "manual", title: "《快递行业客服人员培训教材》", article: "2.2 网点信息查询" },
      ],
      effective,
      caseTypes: ["网点"],
      examples: [`${local}网点电话`],
      vars: {
        网点名称: branch,
        网点电话: main.phone?.trim() ?? "",
        ...(hours ? { 营业时间: hours } : {}),
      },
    })
  }
  return cards
}
