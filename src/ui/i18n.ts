/**
 * Every UI string, Chinese and English side by side. The default UI shows Chinese with the English
 * beside it (smaller); `settings.locale = "en"` shows English only. `{name}` placeholders are filled
 * by `fill()`; both languages of a key must use the same placeholders (checked by i18n.test.ts).
 */
import type { UiLocale } from "~lib/store/contract"

export interface Bilingual {
  zh: string
  en: string
}

export const STRINGS = {
  appName: { zh: "客服助手", en: "CS Sidekick" },
  notEnabled: { zh: "未启用", en: "Not enabled" },
  loading: { zh: "加载中…", en: "Loading…" },
  connecting: { zh: "正在连接页面…", en: "Connecting to the page…" },
  noTab: { zh: "当前标签页不是网页", en: "The current tab is not a web page" },
  siteNotEnabled: { zh: "此网站未启用客服助手", en: "CS Sidekick is not enabled on this site" },
  siteNotEnabledHint: {
    zh: "点击浏览器工具栏中的客服助手图标，在此网站启用。",
    en: "Click the CS Sidekick icon in the toolbar to enable it on this site.",
  },

  // Tabs
  tabHandoff: { zh: "交接", en: "Handoff" },
  tabPhrasing: { zh: "话术", en: "Phrasing" },
  tabEscalation: { zh: "升级", en: "Escalation" },
  comingNext: { zh: "下一版本提供", en: "Coming in the next version" },

  // Waybill header
  waybill: { zh: "运单号", en: "Waybill" },
  noWaybill: { zh: "页面上没有找到运单号", en: "No waybill number found on this page" },
  noWaybillHint: { zh: "可在下方输入运单号。", en: "Type one in below." },
  carrierUnknown: { zh: "承运商未知", en: "Carrier unknown" },
  carrierMaybe: { zh: "可能是", en: "Possibly" },
  copy: { zh: "复制", en: "Copy" },
  copied: { zh: "已复制", en: "Copied" },
  copyFailed: { zh: "复制失败", en: "Copy failed" },
  otherNumbers: { zh: "页面上的其他单号", en: "Other numbers on the page" },
  enterWaybill: { zh: "输入运单号", en: "Enter a waybill number" },
  go: { zh: "切换", en: "Go" },
  badWaybill: {
    zh: "运单号只能包含数字、字母和连字符（4–40 位）",
    en: "A waybill has 4–40 digits, letters or hyphens",
  },
  rescan: { zh: "重新识别", en: "Rescan" },
  collapse: { zh: "收起", en: "Hide" },
  showAll: { zh: "全部 {n} 个", en: "All {n}" },
  showFewer: { zh: "收起列表", en: "Fewer" },

  // Case
  caseType: { zh: "案件类型", en: "Case type" },
  caseTypeAuto: { zh: "自动识别", en: "Detected" },
  caseTypeStored: { zh: "已记录", en: "Saved on the case" },
  matchedWords: { zh: "依据", en: "Based on" },
  urgent: { zh: "优先处理", en: "Urgent" },
  caseStatus: { zh: "案件状态", en: "Case status" },
  statusOpen: { zh: "待处理", en: "Open" },
  statusWaiting: { zh: "等待中", en: "Waiting" },
  statusResolved: { zh: "已解决", en: "Resolved" },

  // Handoff form
  handoffTitle: { zh: "交接记录", en: "Handoff note" },
  customerName: { zh: "客户姓名", en: "Customer name" },
  customerContact: { zh: "联系方式", en: "Contact" },
  problem: { zh: "问题描述（已与客户确认）", en: "Problem (confirmed with the customer)" },
  actionsTaken: { zh: "已处理", en: "Actions taken" },
  contacted: { zh: "已联系（联系人及结果）", en: "Contacted (who, and the result)" },
  promise: { zh: "承诺", en: "Promise" },
  callbackAt: { zh: "回电时间", en: "Callback time" },
  plus30m: { zh: "+30分钟", en: "+30 min" },
  plus2h: { zh: "+2小时", en: "+2 h" },
  tomorrowMorning: { zh: "明天上午", en: "Tomorrow a.m." },
  clearCallback: { zh: "清除", en: "Clear" },
  nextStep: { zh: "下一步", en: "Next step" },
  save: { zh: "保存", en: "Save" },
  saving: { zh: "保存中…", en: "Saving…" },
  saveShortcut: { zh: "Ctrl+Enter 保存", en: "Ctrl+Enter to save" },
  saved: { zh: "已保存", en: "Saved" },
  draftKept: { zh: "草稿已自动保留", en: "Draft kept automatically" },
  reminderFailed: {
    zh: "记录已保存，但回电提醒未能设置",
    en: "Saved, but the callback reminder could not be scheduled",
  },
  profileMissing: {
    zh: "尚未填写姓名和工号，请在设置中填写",
    en: "Your name and work ID are not set: fill them in under Options",
  },
  openOptions: { zh: "设置", en: "Options" },
  problemNoWaybill: { zh: "请先选择或输入运单号", en: "Choose or type a waybill number first" },
  problemEmptyNote: { zh: "请至少填写一项交接内容", en: "Fill in at least one part of the note" },
  problemBadCallback: { zh: "回电时间无效", en: "The callback time is not valid" },
  problemCallbackPast: {
    zh: "回电时间已过去，请检查日期",
    en: "The callback time is in the past: check the date",
  },
  problemTooLong: { zh: "内容过长", en: "Some text is too long" },
  saveFailed: { zh: "保存失败", en: "Save failed" },

  // Phrasing
  stageOpening: { zh: "开场", en: "Opening" },
  stageConfirm: { zh: "确认问题", en: "Confirm" },
  stageHandle: { zh: "处理", en: "Handling" },
  stagePromise: { zh: "承诺与回复", en: "Promise" },
  stageClosing: { zh: "结束", en: "Closing" },
  stageInternal: { zh: "内部沟通", en: "Internal" },
  scriptsFor: { zh: "适用于当前案件类型的话术", en: "Scripts for this case type" },
  missingSlots: { zh: "待补充", en: "Fill in" },
  phrasingCheckNext: {
    zh: "回复内容的实时用语提示将在下一版本提供。",
    en: "Live phrasing checks of your reply come in the next version.",
  },
  phrasebookVersion: { zh: "话术库 {version}", en: "Phrasebook {version}" },
  phrasebookInvalid: {
    zh: "已导入的话术库无效，正在使用内置话术库",
    en: "The imported phrasebook is invalid; using the built-in one",
  },
  replyCheck: { zh: "回复检查", en: "Reply check" },
  noEditor: {
    zh: "点击 CRM 页面中的回复框后，这里会实时检查用语。",
    en: "Click into the CRM's reply box to check your wording live.",
  },
  noFindings: { zh: "当前回复没有发现问题", en: "No issues in the current reply" },
  findingsCount: { zh: "发现 {n} 处用语问题", en: "{n} wording issues" },
  fixAll: { zh: "全部修正", en: "Fix all" },
  fixAllHint: {
    zh: "只替换不需要补充信息的建议",
    en: "Only applies suggestions that need nothing filled in",
  },
  dismiss: { zh: "忽略", en: "Dismiss" },
  wrong: { zh: "不准确", en: "Wrong" },
  wrongReason: { zh: "哪里不准确？", en: "What is wrong?" },
  send: { zh: "提交", en: "Submit" },
  cancel: { zh: "取消", en: "Cancel" },
  apply: { zh: "替换", en: "Apply" },
  fillSlots: { zh: "请先补充", en: "Fill in first" },
  insert: { zh: "插入", en: "Insert" },
  inserted: { zh: "已插入", en: "Inserted" },
  severityForbidden: { zh: "禁用", en: "Forbidden" },
  severityWarning: { zh: "生硬", en: "Blunt" },
  severityHint: { zh: "提示", en: "Hint" },
  catRefusal: { zh: "直接拒绝", en: "Refusal" },
  catBlame: { zh: "推诿", en: "Blame-shifting" },
  catImpatience: { zh: "不耐烦", en: "Impatience" },
  catUncertainty: { zh: "含糊", en: "Uncertainty" },
  catRudeness: { zh: "不礼貌", en: "Rudeness" },
  catOverPromising: { zh: "过度承诺", en: "Over-promising" },
  catRule10: { zh: "第十条：先解决问题", en: "Rule 10: customer first" },
  rule10Banner: {
    zh: "不得因内部费用或纠纷扣货（十）：先解决客户的问题，内部事项事后处理。",
    en: "Never hold goods over internal fees or disputes (rule 10): solve the customer's problem first.",
  },
  editStale: {
    zh: "回复内容已变化，已重新检查，请再选一次。",
    en: "The reply changed; it was re-checked. Please choose again.",
  },
  editFailed: { zh: "无法修改回复框：{error}", en: "Could not edit the reply box: {error}" },
  noEditorToInsert: {
    zh: "请先点击 CRM 页面中的回复框",
    en: "Click into the CRM's reply box first",
  },
  fixedN: { zh: "已修正 {n} 处", en: "Fixed {n}" },
  phrasingHelp: {
    zh: "Tab 键在提示间移动；在助手内按 Alt+1…3 应用第一条提示的第 1…3 个建议。",
    en: "Tab moves between findings; in the sidebar, Alt+1…3 applies the first finding's suggestion 1…3.",
  },
  promiseSeen: {
    zh: "回复中承诺了稍后答复：“{phrase}”",
    en: "Your reply promises to get back: “{phrase}”",
  },
  setCallback: { zh: "设置回电时间", en: "Set callback" },
  auditFailed: { zh: "质检记录保存失败", en: "Could not save the QA record" },
  noteRule10: {
    zh: "交接内容可能在因内部事项扣货，违反第十条",
    en: "This note may hold goods over an internal matter (rule 10)",
  },

  // Escalation
  ladder: { zh: "阶梯联系", en: "Escalation ladder" },
  decisionStart: { zh: "开始联系", en: "Start here" },
  decisionWait: { zh: "等待回复", en: "Wait for a reply" },
  decisionEscalate: { zh: "升级到上一级", en: "Move up a level" },
  decisionRetry: { zh: "同级再次联系", en: "Try this level again" },
  decisionExhausted: { zh: "已到最高级", en: "Top of the ladder reached" },
  level: { zh: "第 {n} 级", en: "Level {n}" },
  waitFor: { zh: "建议再等 {time}", en: "Wait {time} more" },
  whatToSay: { zh: "沟通话术", en: "What to say" },
  contactsAtLevel: { zh: "本级联系人", en: "Contacts at this level" },
  noContactsLoaded: {
    zh: "联系人目录为空：管理员可在设置中导入。",
    en: "The contact directory is empty: an admin can import it in Options.",
  },
  logThis: { zh: "记录联系", en: "Log" },
  logAttempt: { zh: "记录一次联系", en: "Log a contact attempt" },
  contactName: { zh: "联系人", en: "Contact" },
  outcome: { zh: "结果", en: "Outcome" },
  outcomeReached: { zh: "已解决或已承诺", en: "Resolved or committed" },
  outcomeNoProgress: { zh: "已沟通，无进展", en: "Talked, no progress" },
  outcomeNoAnswer: { zh: "未接通", en: "No answer" },
  attemptNote: { zh: "说明", en: "Note" },
  attemptLogged: { zh: "已记录", en: "Logged" },
  attemptNeedsContact: { zh: "请填写联系人", en: "Enter who you contacted" },
  attempts: { zh: "联系记录", en: "Attempts" },
  noAttempts: { zh: "还没有联系记录", en: "No attempts logged yet" },
  roleWindow: { zh: "窗口人员", en: "Window staff" },
  roleSiteManager: { zh: "现场管理员", en: "Site manager" },
  roleBranchCs: { zh: "相关公司客服", en: "Related company CS" },
  roleCompanyHead: { zh: "公司负责人", en: "Company head" },
  roleRegionalHead: { zh: "片区办公室负责人", en: "Regional office head" },
  roleHqDept: { zh: "总部职能部门", en: "HQ department" },

  // Timeline
  timeline: { zh: "交接时间线", en: "Timeline" },
  newestFirst: { zh: "最新在上", en: "newest first" },
  noNotes: { zh: "此运单还没有交接记录", en: "No handoff notes for this waybill yet" },
  workId: { zh: "工号", en: "ID" },
  unknownAuthor: { zh: "未署名", en: "Unsigned" },

  // Popup
  thisSite: { zh: "当前网站", en: "This site" },
  siteEnabled: { zh: "已启用", en: "Enabled" },
  siteDisabled: { zh: "未启用", en: "Not enabled" },
  unsupportedPage: { zh: "此页面不支持客服助手", en: "CS Sidekick cannot run on this page" },
  enableHere: { zh: "在此网站启用", en: "Enable on this site" },
  disable: { zh: "停用", en: "Disable" },
  permissionDenied: { zh: "未获得访问此网站的权限", en: "Permission for this site was not granted" },
  actionFailed: { zh: "操作失败", en: "That did not work" },
  openCases: { zh: "未结案件", en: "Open cases" },
  noOpenCases: { zh: "没有未结案件", en: "No open cases" },
  dueCallbacks: { zh: "待回电", en: "Callbacks due" },
  noDueCallbacks: { zh: "暂无待回电", en: "No callbacks due" },
  overdue: { zh: "已超时", en: "overdue" },
  search: { zh: "搜索记录", en: "Search notes" },
  searchPlaceholder: { zh: "运单号 / 客户姓名 / 电话", en: "Waybill / customer / phone" },
  noResults: { zh: "没有找到", en: "Nothing found" },
  more: { zh: "还有 {n} 条", en: "{n} more" },

  // Options
  optionsTitle: { zh: "客服助手设置", en: "CS Sidekick options" },
  profile: { zh: "客服资料", en: "Agent profile" },
  profileName: { zh: "姓名", en: "Name" },
  profileWorkId: { zh: "工号", en: "Work ID" },
  profileCompany: { zh: "公司名称", en: "Company name" },
  profileSaved: { zh: "资料已保存", en: "Profile saved" },
  sites: { zh: "已启用的网站", en: "Enabled sites" },
  noSites: {
    zh: "还没有启用任何网站。打开客服系统页面，点击工具栏图标启用。",
    en: "No sites yet. Open your CRM and enable it from the toolbar icon.",
  },
  pinnedSelector: { zh: "运单号字段选择器", en: "Waybill field selector" },
  pinnedSelectorHint: { zh: "CSS 选择器，可留空", en: "CSS selector, optional" },
  carrierHint: { zh: "默认承运商", en: "Carrier hint" },
  noCarrierHint: { zh: "不指定", en: "None" },
  siteSaved: { zh: "网站设置已保存", en: "Site settings saved" },
  badSelector: { zh: "选择器格式不对", en: "That selector is not valid" },
  enabledAt: { zh: "启用于", en: "Enabled" },
  display: { zh: "显示", en: "Display" },
  sidebarMode: { zh: "侧边栏位置", en: "Sidebar" },
  modeInpage: { zh: "页面内", en: "In the page" },
  modeSidepanel: { zh: "浏览器侧边栏", en: "Browser side panel" },
  language: { zh: "界面语言", en: "Language" },
  langZh: { zh: "中文（附英文）", en: "Chinese with English" },
  langEn: { zh: "仅英文", en: "English only" },
  directory: { zh: "升级联系人目录", en: "Escalation contact directory" },
  directoryCount: { zh: "目录中共有 {n} 位联系人", en: "{n} contacts in the directory" },
  directoryImport: {
    zh: "导入 CSV（替换整个目录）",
    en: "Import CSV (replaces the whole directory)",
  },
  directoryExport: { zh: "导出 CSV", en: "Export CSV" },
  directoryImported: { zh: "已导入 {n} 位联系人", en: "Imported {n} contacts" },
  directoryWarnings: { zh: "提示：", en: "Notes:" },
  data: { zh: "数据", en: "Data" },
  exportData: { zh: "导出全部数据（JSON）", en: "Export all data (JSON)" },
  exported: { zh: "已导出", en: "Exported" },
  importData: { zh: "导入数据", en: "Import data" },
  importMerge: { zh: "合并到现有数据", en: "Merge into existing data" },
  importReplace: { zh: "替换全部现有数据", en: "Replace all existing data" },
  importReplaceConfirm: {
    zh: "我明白替换会删除现有的全部记录",
    en: "I understand that replacing deletes every existing record",
  },
  importDone: { zh: "导入完成：{counts}", en: "Imported: {counts}" },
  importProblems: {
    zh: "文件有 {n} 处问题，未导入任何数据：",
    en: "The file has {n} problems; nothing was imported:",
  },
  importNotJson: { zh: "文件不是有效的 JSON", en: "The file is not valid JSON" },
  purge: { zh: "清空全部数据", en: "Delete all data" },
  purgeHint: {
    zh: "将删除所有案件、交接记录、联系人和设置，且无法恢复。请输入 {word} 确认：",
    en: "This deletes every case, note, contact and setting and cannot be undone. Type {word} to confirm:",
  },
  purged: { zh: "已清空全部数据", en: "All data deleted" },
} as const satisfies Record<string, Bilingual>

export type StringKey = keyof typeof STRINGS

/** The word the agent types to confirm a purge: ASCII, so it works with or without an IME. */
export const PURGE_WORD = "DELETE"

/** Replaces `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}

/** Only the primary language: Chinese by default, English in English mode (for tight buttons). */
export function primary(locale: UiLocale, key: StringKey, values?: Record<string, string | number>): string {
  return fill(STRINGS[key][locale === "en" ? "en" : "zh"], values)
}

/** One string for attributes (placeholder, title, aria-label): "中文 / English", or English only. */
export function text(locale: UiLocale, key: StringKey, values?: Record<string, string | number>): string {
  const s = STRINGS[key]
  return locale === "en" ? fill(s.en, values) : `${fill(s.zh, values)} / ${fill(s.en, values)}`
}
