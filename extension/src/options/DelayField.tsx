import { useEffect, useState } from "react"

import { MAX_DELAY_SECONDS } from "@dialer/shared"

import { useT } from "../i18n"
import { parseDelay } from "./delay-input"

/**
 * Seconds between calls: typed freely, checked and saved when the field is left (or on Enter),
 * never at each keystroke; says "Saved" or why the value was refused.
 */
export function DelayField({ value, onSave, disabled = false }: { value: number; onSave: (seconds: number) => Promise<void>; disabled?: boolean }) {
  const { t } = useT()
  const [text, setText] = useState(String(value))
  const [note, setNote] = useState<{ kind: "saved" | "error"; text: string } | null>(null)
  useEffect(() => setText(String(value)), [value])

  const commit = async () => {
    const parsed = parseDelay(text, t)
    if ("error" in parsed) return setNote({ kind: "error", text: parsed.error })
    if (parsed.seconds === value && note?.kind !== "error") return
    await onSave(parsed.seconds)
    setText(String(parsed.seconds))
    setNote({ kind: "saved", text: t("options.delay.saved", { seconds: parsed.seconds }) })
  }

  return (
    <label>
      {t("options.delay.label")}
      <input
        type="text"
        inputMode="numeric"
        value={text}
        disabled={disabled}
        aria-invalid={note?.kind === "error"}
        aria-describedby="delay-note"
        onChange={(e) => {
          setText(e.target.value)
          if (note?.kind === "saved") setNote(null)
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === "Enter") void commit()
        }}
        data-testid="delay-seconds"
      />
      <small id="delay-note" className={note?.kind === "error" ? "field-error" : "muted"} role={note?.kind === "error" ? "alert" : "status"} data-testid="delay-note">
        {note ? note.text : t("options.delay.help", { max: String(MAX_DELAY_SECONDS) })}
      </small>
    </label>
  )
}
