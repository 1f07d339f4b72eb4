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
  // What the note says, as data: worded at render, so it follows a language switch.
  const [note, setNote] = useState<{ kind: "saved"; seconds: number } | { kind: "error"; typed: string } | null>(null)
  useEffect(() => setText(String(value)), [value])

  const commit = async () => {
    const parsed = parseDelay(text, t)
    if ("error" in parsed) return setNote({ kind: "error", typed: text })
    if (parsed.seconds === value && note?.kind !== "error") return
    await onSave(parsed.seconds)
    setText(String(parsed.seconds))
    setNote({ kind: "saved", seconds: parsed.seconds })
  }

  const refused = note?.kind === "error" ? parseDelay(note.typed, t) : null
  const noteText =
    note?.kind === "saved"
      ? t("options.delay.saved", { seconds: String(note.seconds) })
      : refused && "error" in refused
        ? refused.error
        : t("options.delay.help", { max: String(MAX_DELAY_SECONDS) })

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
        {noteText}
      </small>
    </label>
  )
}
