/**
 * Which scripts to offer before the case's own ones, given the customer's state: de-escalation for
 * an angry customer (000 (一)(三)), the abusive-customer script for insults, and a supervisor
 * hand-over when insults, an outside-complaint threat or a repeat contact say the agent alone
 * may not be enough (000 (七)(九)).
 */
import type { CustomerState } from "./assess"

/** Script ids to show first, in order (empty for a calm or anxious customer). */
export function firstScriptsFor(
  state: Pick<CustomerState, "emotion" | "abusive" | "threats" | "repeat">,
): string[] {
  if (state.emotion !== "angry") return []
  const ids = state.abusive ? ["abusive-customer", "de-escalate"] : ["de-escalate", "apology"]
  if (state.abusive || state.threats.length > 0 || state.repeat) ids.push("supervisor-handover")
  return ids
}
