/**
 * Regex sources shared by several rules while authoring. The built book stores the expanded
 * strings, so it stays plain JSON that QA can edit.
 */

/** The agent owns a next step: 帮您查 / 我会跟进 / 已为您登记 / 深表歉意 … */
export const REMEDY =
  "(?:帮您|为您|给您|替您|我会|我们会|我来|我马上|马上帮|马上为|我这边|我们这边|立即|立刻|稍后|登记|加急|升级|跟进|回复您|联系您|答复您|通知您|告知您|回电|深表歉意|非常抱歉|很抱歉|真抱歉|问问)"

/** A concrete time: 2小时内 / 两个工作日 / 今天18点前 / 17:30 / 明天上午 / 下午3点 */
export const TIME =
  "(?:(?:\\d+|[一二两三四五六七八九十半]+)\\s*(?:个)?\\s*(?:小时|分钟|工作日|天)|[今明后]天|\\d{1,2}\\s*[:：]\\s*\\d{2}|(?:上午|下午|中午|晚上|傍晚)\\s*(?:\\d+|[一二三四五六七八九十]+)\\s*点|\\d+\\s*点(?:前|之前|以前)|\\d+\\s*[月号日])"

/** Any text up to the pattern, within the window (windows never cross a sentence end). */
export const rest = (pattern: string): string => `.*?${pattern}`

/** A conditional opener earlier in the clause: 如果/要是/万一 … */
export const CONDITIONAL = "(?:如果|要是|万一|若是|假如|假设|若)[^，,]*"

/** Agent-side actions that count as owning the problem in a blame-shifting context. */
export const OWNS = "(?:我|我们)(?:这边|也|同时|会|来)*(?:同步|同时|一并)?(?:帮您|为您|替您|跟进|核实|联系)"

/** "您不用再问别的部门": telling the customer they need not do it is the opposite of shifting it. */
export const NO_NEED = "(?:不用|无需|不必|不需要)[再去]*"
