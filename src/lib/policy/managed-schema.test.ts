/**
 * The managed schema Chrome reads (assets/managed-schema.json) and our zod schema must describe the
 * same policy: this walks both, key by key and type by type, and checks Chrome's own schema rules.
 */
import { describe, expect, it } from "vitest"
import type * as z from "zod"

import { loadManagedSchema, type JsonSchema } from "./json-schema.test-helper"
import { policyInputSchema } from "./schema"

const managed = loadManagedSchema()

type Def = { type: string; format?: string; innerType?: z.ZodType; element?: z.ZodType }
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod

/** The zod schema's JSON type, optional wrappers removed; "integer" for z.int(). */
function zodJsonType(schema: z.ZodType): { type: string; node: z.ZodType } {
  let node = schema
  while (defOf(node).def.type === "optional") node = defOf(node).def.innerType as z.ZodType
  const { def } = defOf(node)
  if (def.type === "number") return { type: def.format === "safeint" ? "integer" : "number", node }
  return { type: def.type, node }
}

/** Walks a JSON schema and a zod schema together; returns every disagreement as "path: why". */
function disagreements(json: JsonSchema, schema: z.ZodType, path: string): string[] {
  const out: string[] = []
  const { type, node } = zodJsonType(schema)
  if (json.type !== type) return [`${path}: managed schema says ${json.type ?? "?"}, zod says ${type}`]
  if (type === "object") {
    const shape = (node as unknown as { shape: Record<string, z.ZodType> }).shape
    const jsonKeys = Object.keys(json.properties ?? {}).sort()
    const zodKeys = Object.keys(shape).sort()
    for (const k of jsonKeys) if (!zodKeys.includes(k)) out.push(`${path}.${k}: only in the managed schema`)
    for (const k of zodKeys) if (!jsonKeys.includes(k)) out.push(`${path}.${k}: only in zod`)
    for (const k of jsonKeys.filter((k) => zodKeys.includes(k)))
      out.push(...disagreements(json.properties![k], shape[k], `${path}.${k}`))
  }
  if (type === "array") {
    if (!json.items) return [`${path}: array without items`]
    out.push(...disagreements(json.items, defOf(node).def.element as z.ZodType, `${path}[]`))
  }
  return out
}

/** Chrome's extra rules: top level an object without additionalProperties; one `type` or `$ref` per schema. */
function chromeRuleViolations(json: JsonSchema, path: string): string[] {
  const out: string[] = []
  const typed = (json.type !== undefined ? 1 : 0) + (json.$ref !== undefined ? 1 : 0)
  if (typed !== 1) out.push(`${path}: needs exactly one of type / $ref`)
  const allowed = ["string", "integer", "number", "boolean", "array", "object"]
  if (json.type && !allowed.includes(json.type)) out.push(`${path}: unknown type ${json.type}`)
  for (const [k, v] of Object.entries(json.properties ?? {}))
    out.push(...chromeRuleViolations(v, `${path}.${k}`))
  if (json.items) out.push(...chromeRuleViolations(json.items, `${path}[]`))
  return out
}

describe("managed schema ↔ zod policy schema", () => {
  it("agree on every key and type, at every depth", () => {
    expect(disagreements(managed, policyInputSchema, "policy")).toEqual([])
  })

  it("follows Chrome's schema rules (an invalid schema stops the extension loading)", () => {
    expect(managed.type).toBe("object")
    expect(managed.additionalProperties).toBeUndefined()
    expect(chromeRuleViolations(managed, "policy")).toEqual([])
  })

  it("gives every policy a title for chrome://policy", () => {
    for (const [k, v] of Object.entries(managed.properties ?? {})) expect(v.title, k).toBeTruthy()
  })

  it("the walk catches a disagreement (it is not vacuous)", () => {
    const broken: JsonSchema = JSON.parse(JSON.stringify(managed)) as JsonSchema
    broken.properties!.auditRetentionDays.type = "string"
    broken.properties!.sites.items!.properties!.internalNote.properties!.extra = { type: "string" }
    delete broken.properties!.teamKey
    expect(disagreements(broken, policyInputSchema, "policy")).toEqual([
      "policy.teamKey: only in zod",
      "policy.auditRetentionDays: managed schema says string, zod says integer",
      "policy.sites[].internalNote.extra: only in the managed schema",
    ])
  })
})
