/** Checks a value against the managed schema the way Chrome does (types; unknown properties reported). */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

export interface JsonSchema {
  type?: string
  $ref?: string
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  additionalProperties?: unknown
  title?: string
  description?: string
}

export const MANAGED_SCHEMA_PATH = fileURLToPath(
  new URL("../../../assets/managed-schema.json", import.meta.url),
)

export function loadManagedSchema(): JsonSchema {
  return JSON.parse(readFileSync(MANAGED_SCHEMA_PATH, "utf8")) as JsonSchema
}

/** Every place `value` does not match `schema`: "path: why". Empty when Chrome would keep it all. */
export function schemaErrors(schema: JsonSchema, value: unknown, path = "policy"): string[] {
  const actual = Array.isArray(value)
    ? "array"
    : value === null
      ? "null"
      : typeof value === "number"
        ? Number.isInteger(value)
          ? "integer"
          : "number"
        : typeof value
  const ok = schema.type === actual || (schema.type === "number" && actual === "integer")
  if (!ok) return [`${path}: expected ${schema.type ?? "?"}, got ${actual}`]
  const out: string[] = []
  if (schema.type === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const sub = schema.properties?.[k]
      if (!sub) out.push(`${path}.${k}: not in the schema (Chrome drops it)`)
      else out.push(...schemaErrors(sub, v, `${path}.${k}`))
    }
  }
  if (schema.type === "array" && schema.items) {
    ;(value as unknown[]).forEach((v, i) => out.push(...schemaErrors(schema.items!, v, `${path}[${i}]`)))
  }
  return out
}
