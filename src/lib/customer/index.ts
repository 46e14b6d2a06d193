/** The customer's state: emotion, outside-complaint threats, repeat contact. */
export { assessCustomer, ASSESS_TEXT_LIMIT, type CustomerState, type Emotion, type Evidence } from "./assess"
export { CUES, THREAT_KINDS, THREAT_LABELS, type Cue, type ThreatKind } from "./cues"
export { firstScriptsFor } from "./first-scripts"
