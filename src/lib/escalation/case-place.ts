/**
 * Where a case happened (网点 / 公司 / 片区), so the ladder can rank the right contacts: from a labelled
 * field on the ticket page (网点/营业点/站点 …), else from the ticket's text, matched against the
 * contact directory so the names are spelled as the directory spells them (the ranking compares them).
 */
import type { Contact } from "../cases/model"

/** The branch / company / region of a case (the shape of `CaseRecord.involved`). */
export interface CasePlace {
  branch?: string
  company?: string
  region?: string
}

/** One place the directory knows: a branch with its company and region, a company, or a region. */
export interface DirectoryPlace extends CasePlace {
  /** What the agent sees in the picker, e.g. "杭州萧山网点 · 杭州分公司 · 浙北片区". */
  label: string
}

/** What the page says about the place, and how sure that is. */
export type PagePlace =
  | { kind: "field"; place: CasePlace; label: string; inDirectory: boolean }
  | { kind: "text"; place: CasePlace; label: string }
  | { kind: "ambiguous"; choices: DirectoryPlace[] }
  | { kind: "none" }

const norm = (s: string | undefined) => (s ?? "").replace(/\s+/g, "").toLowerCase()
// Words that only say what kind of place it is: "萧山网点", "萧山营业部" and "萧山" are one branch.
const KIND_SUFFIX =
  /(?:网点|营业点|营业部|营业厅|站点|服务点|服务站|分拨中心|分部|分公司|公司|片区|区域|大区)$/
const core = (s: string) => norm(s).replace(KIND_SUFFIX, "")
const MIN_CORE = 2

const labelOf = (p: CasePlace) => [p.branch, p.company, p.region].filter(Boolean).join(" · ")

/**
 * Every distinct place in the directory, branches first, then companies, then regions (each once).
 * Headquarters departments are not places.
 */
export function directoryPlaces(contacts: readonly Contact[]): DirectoryPlace[] {
  const seen = new Set<string>()
  const branches: DirectoryPlace[] = []
  const companies: DirectoryPlace[] = []
  const regions: DirectoryPlace[] = []
  const add = (list: DirectoryPlace[], p: CasePlace) => {
    const key = `${norm(p.branch)}|${norm(p.company)}|${norm(p.region)}`
    if (seen.has(key)) return
    seen.add(key)
    list.push({ ...p, label: labelOf(p) })
  }
  for (const c of contacts) {
    const company = c.company?.trim() || undefined
    const region = c.region?.trim() || undefined
    const branch = c.branch?.trim() || undefined
    if (branch) add(branches, { branch, company, region })
    if (company) add(companies, { company, region })
    else if (region && !branch) add(regions, { region })
  }
  const byLabel = (a: DirectoryPlace, b: DirectoryPlace) => a.label.localeCompare(b.label, "zh-CN")
  return [...branches.sort(byLabel), ...companies.sort(byLabel), ...regions.sort(byLabel)]
}

const strip = (p: DirectoryPlace): CasePlace => {
  const { label: _, ...place } = p
  return Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined)) as CasePlace
}

/** The directory place a written name means: the same name, or the same name without its kind word. */
export function matchPlace(written: string, places: readonly DirectoryPlace[]): DirectoryPlace | undefined {
  const w = norm(written)
  const wc = core(written)
  if (!w) return undefined
  // Each place by its own name only (a branch's company would make every branch of it match).
  const own = (p: DirectoryPlace) => p.branch ?? p.company ?? p.region ?? ""
  const exact = places.find((p) => norm(own(p)) === w)
  if (exact) return exact
  if (wc.length < MIN_CORE) return undefined
  // "萧山网点" ~ "杭州萧山网点": one core inside the other, only when that points at one place.
  const near = places.filter((p) => {
    const nc = core(own(p))
    return nc.length >= MIN_CORE && (nc.includes(wc) || wc.includes(nc))
  })
  const first = near[0]
  if (!first) return undefined
  const kind = (p: DirectoryPlace) => (p.branch ? 0 : p.company ? 1 : 2)
  const sameKind = near.filter((p) => kind(p) === kind(first))
  return sameKind.length === 1 ? first : undefined
}

/**
 * The case's place as the page gives it. A labelled field (网点/营业点/站点) wins, kept as written when
 * the directory does not know it (the scripts' 【网点名称】 still use it). Otherwise the directory's
 * branch / company / region names found in the ticket's text: one branch (or, without branches, one
 * company) is taken; several are offered as choices, never guessed.
 */
export function placeFromPage(
  page: { field?: string; text: string },
  contacts: readonly Contact[],
): PagePlace {
  const places = directoryPlaces(contacts)
  const field = page.field?.trim()
  if (field) {
    const found = matchPlace(field, places)
    if (found) return { kind: "field", place: strip(found), label: found.label, inDirectory: true }
    return {
      kind: "field",
      place: { branch: field.slice(0, 60) },
      label: field.slice(0, 60),
      inDirectory: false,
    }
  }
  const text = norm(page.text)
  if (!text) return { kind: "none" }
  const named = (n: string | undefined) => !!n && norm(n).length >= MIN_CORE && text.includes(norm(n))
  for (const kind of ["branch", "company", "region"] as const) {
    const hits = places.filter((p) => p[kind] && named(p[kind]) && (kind === "branch" || !p.branch))
    // A company named beside one of its own branches is that branch's company, not a second place.
    const distinct = [...new Map(hits.map((p) => [norm(p[kind]), p])).values()]
    if (distinct.length === 1) return { kind: "text", place: strip(distinct[0]), label: distinct[0].label }
    if (distinct.length > 1) return { kind: "ambiguous", choices: distinct.slice(0, 6) }
  }
  return { kind: "none" }
}
