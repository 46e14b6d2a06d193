/** Scenario scripts with `{slot}` placeholders: data, slot catalogue and rendering. */
export { SCRIPTS, SCRIPT_STAGES, type Script, type ScriptExample, type ScriptStage } from "./scripts"
export {
  SLOTS,
  getSlot,
  varsFromContext,
  type Bilingual,
  type SlotContext,
  type SlotDef,
  type SlotSource,
} from "./slots"
export {
  fillTemplate,
  parseSlots,
  requiredSlots,
  tokenize,
  type FillResult,
  type TemplateToken,
} from "./template"
export {
  getScript,
  listScripts,
  scriptsForCase,
  renderScript,
  type RenderError,
  type RenderOk,
  type RenderResult,
} from "./render"
