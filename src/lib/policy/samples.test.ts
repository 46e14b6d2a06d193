/**
 * Every sample policy file under samples/policy/ is what an admin would deploy: each one must pass
 * the managed schema (nothing Chrome would drop) and our own checks (no diagnostics), and address our
 * extension id with a force-install.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import { loadManagedSchema, schemaErrors } from "./json-schema.test-helper"
import { parsePolicy } from "./parse"

const SAMPLES = fileURLToPath(new URL("../../../samples/policy/", import.meta.url))
const PACKAGE = fileURLToPath(new URL("../../../package.json", import.meta.url))
/** The id the manifest `key` gives unpacked and test builds (see README, admin guide). */
export const EXTENSION_ID = "bidfaejadffphedhlinfoipbcbcgpjaf"
const GECKO_ID = "cs-sidekick@sidekick"
const schema = loadManagedSchema()

const readJson = (name: string) => JSON.parse(readFileSync(SAMPLES + name, "utf8")) as Record<string, unknown>

/** A .reg file (UTF-16LE, as regedit writes it) → key path → value name → value. */
export function parseReg(bytes: Buffer): Map<string, Map<string, string | number>> {
  const text = bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]))
    ? bytes.subarray(2).toString("utf16le")
    : bytes.toString("utf8")
  const keys = new Map<string, Map<string, string | number>>()
  let current: Map<string, string | number> | undefined
  const lines = text.split(/\r?\n/)
  expect(lines[0]).toBe("Windows Registry Editor Version 5.00")
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue
    const key = /^\[(.+)\]$/.exec(line)
    if (key) {
      current = new Map()
      keys.set(key[1], current)
      continue
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line)
    if (!value || !current) throw new Error(`not a registry line: ${line}`)
    const unescape = (s: string) => s.replace(/\\(.)/g, "$1")
    current.set(unescape(value[1]), value[2] !== undefined ? unescape(value[2]) : parseInt(value[3], 16))
  }
  return keys
}

describe("sample policy files", () => {
  it("the manifest key gives the documented extension id", () => {
    const pkg = JSON.parse(readFileSync(PACKAGE, "utf8")) as {
      manifest: { overrides: { chrome: { key: string } } }
    }
    const der = Buffer.from(pkg.manifest.overrides.chrome.key, "base64")
    return crypto.subtle.digest("SHA-256", der).then((hash) => {
      const hex = Buffer.from(hash).toString("hex").slice(0, 32)
      const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("")
      expect(id).toBe(EXTENSION_ID)
    })
  })

  it("Chromium / Chrome on Linux: force-installed, and the policy passes the schema and our checks", () => {
    const file = readJson("chromium-linux-managed.json")
    const settings = file.ExtensionSettings as Record<
      string,
      { installation_mode: string; update_url: string }
    >
    expect(settings[EXTENSION_ID].installation_mode).toBe("force_installed")
    expect(settings[EXTENSION_ID].update_url).toMatch(/^https:\/\//)
    const policy = (file["3rdparty"] as { extensions: Record<string, unknown> }).extensions[EXTENSION_ID]
    expect(schemaErrors(schema, policy)).toEqual([])
    const parsed = parsePolicy(policy)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.policy.sites?.map((s) => s.origin)).toEqual([
      "https://crm.example.com",
      "https://kefu.example.cn:8443",
    ])
    expect(parsed.policy.contacts?.length).toBe(4)
    expect(parsed.policy.company).toBe("盛辉物流")
  })

  it("Windows registry (.reg): ExtensionSettings force-install and the 3rdparty policy key", () => {
    const reg = parseReg(readFileSync(SAMPLES + "chrome-windows.reg"))
    const chrome = reg.get("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome")
    const ext = JSON.parse(String(chrome?.get("ExtensionSettings"))) as Record<
      string,
      { installation_mode: string }
    >
    expect(ext[EXTENSION_ID].installation_mode).toBe("force_installed")
    const values = reg.get(
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`,
    )
    expect(values).toBeDefined()
    // Chrome reads a REG_SZ as JSON where the schema wants a list or an object, a DWORD as integer / boolean.
    const policy: Record<string, unknown> = {}
    for (const [name, value] of values!) {
      const type = schema.properties?.[name]?.type
      policy[name] =
        type === "array" || type === "object"
          ? JSON.parse(String(value))
          : type === "boolean"
            ? value === 1
            : value
    }
    expect(schemaErrors(schema, policy)).toEqual([])
    const parsed = parsePolicy(policy)
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.policy.allowExport).toBe(false)
    expect(parsed.policy.auditRetentionDays).toBe(365)
    expect(parsed.policy.contacts?.map((c) => c.role)).toEqual(["window", "hq_dept"])
  })

  it("Firefox policies.json: 3rdparty → Extensions for the gecko id, force-installed", () => {
    const file = readJson("firefox-policies.json").policies as Record<string, unknown>
    const settings = file.ExtensionSettings as Record<
      string,
      { installation_mode: string; install_url: string }
    >
    expect(settings[GECKO_ID].installation_mode).toBe("force_installed")
    const policy = (file["3rdparty"] as { Extensions: Record<string, unknown> }).Extensions[GECKO_ID]
    expect(schemaErrors(schema, policy)).toEqual([])
    expect(parsePolicy(policy).diagnostics).toEqual([])
    const pkg = JSON.parse(readFileSync(PACKAGE, "utf8")) as {
      manifest: { browser_specific_settings: { gecko: { id: string } } }
    }
    expect(pkg.manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID)
  })
})
