/** Options → 个人资料: the name, work id and company every note is signed with. */
import { useEffect, useRef, useState, type FormEvent } from "react"

import type { AgentProfile } from "~lib/store/contract"

import { TextField } from "../text-field"
import { text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { LockedField } from "../policy/locked"
import { usePolicy } from "../policy/use-policy"
import { Section } from "../section"
import { useServices } from "../services"
import { StatusBox, type Status } from "../status-box"

export function ProfileSection({ profile }: { profile: AgentProfile }) {
  const { store } = useServices()
  const locale = useLocale()
  const { policy } = usePolicy()
  const [form, setForm] = useState(profile)
  const [dirty, setDirty] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  const nameRef = useRef<HTMLInputElement>(null)

  // Follow the stored profile (import, purge, another options tab) unless the agent is editing.
  useEffect(() => {
    if (!dirty) setForm(profile)
  }, [profile, dirty])

  useEffect(() => {
    // First run: the profile is what every note is signed with, so start there.
    if (!profile.name) nameRef.current?.focus()
  }, [profile.name])

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setStatus(null)
    try {
      const next = { name: form.name.trim(), workId: form.workId.trim(), company: form.company.trim() }
      await store.updateSettings({ profile: next })
      setForm(next)
      setDirty(false)
      setStatus({ kind: "ok", message: text(locale, "profileSaved") })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  const field = (
    key: keyof AgentProfile,
    label: "profileName" | "profileWorkId" | "profileCompany",
    testid: string,
  ) => (
    <TextField
      label={<T k={label} />}
      inputRef={key === "name" ? nameRef : undefined}
      testid={testid}
      value={form[key] ?? ""}
      maxLength={200}
      autoComplete="off"
      onValue={(value) => {
        setForm((f) => ({ ...f, [key]: value }))
        setDirty(true)
        setStatus(null)
      }}
    />
  )

  return (
    <Section id="profile-title" title={<T k="profile" />}>
      <form onSubmit={save}>
        <div className="field-row">
          {field("name", "profileName", "profile-name")}
          {field("workId", "profileWorkId", "profile-workid")}
        </div>
        {policy.company !== undefined ? (
          <LockedField
            label={<T k="profileCompany" />}
            value={policy.company}
            testid="profile-company-locked"
          />
        ) : (
          field("company", "profileCompany", "profile-company")
        )}
        {policy.hotline !== undefined ? (
          <LockedField
            label={<T k="policyKeyHotline" />}
            value={policy.hotline}
            testid="profile-hotline-locked"
          />
        ) : null}
        {policy.businessHours !== undefined ? (
          <LockedField
            label={<T k="policyKeyBusinessHours" />}
            value={policy.businessHours}
            testid="profile-hours-locked"
          />
        ) : null}
        <button type="submit" className="primary" data-testid="profile-save">
          <T k="save" />
        </button>
        <StatusBox status={status} testid="profile-status" />
      </form>
    </Section>
  )
}
