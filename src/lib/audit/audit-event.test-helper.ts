import type { AuditEvent } from "./model"

let counter = 0

/**
 * A valid audit event: the "不行" refusal finding shown to agent A1024 李娜 on the CRM. Override the
 * fields a test is about (time, outcome, rule, agent).
 */
export function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: `e${++counter}`,
    at: 1_763_600_000_000,
    outcome: "shown",
    ruleId: "refusal-buxing",
    phrasebookVersion: "2026.11.0",
    agentWorkId: "A1024",
    agentName: "李娜",
    site: "https://crm.example.com",
    span: { start: 0, end: 2 },
    flagged: "不行",
    excerpt: "不行",
    ...overrides,
  }
}
