/** Copying text for the agent to paste into the CRM or a chat. */

export async function copyText(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value)
    return true
  } catch {
    // The framed sidebar may lack clipboard-write permission: fall back to a selected input.
    const input = document.createElement("textarea")
    input.value = value
    document.body.append(input)
    input.select()
    const ok = document.execCommand("copy")
    input.remove()
    return ok
  }
}
