import { useEffect, useState } from "react"

import { useLocale } from "../i18n"
import { sendRequest } from "../lib/runtime"
import { choiceLabel } from "../wrapup/choice-label"

type Choice = { id: string; label: string }

/**
 * A call's disposition named as the wrap-up form names it ("voicemail" → "Message laissé" for a
 * built-in one in French, a company's own as the admin wrote it), never its id. Asked once per page.
 */
let asked: Promise<Map<string, Choice>> | null = null

export function useDispositionLabel(): (id: string) => string {
  const locale = useLocale()
  const [choices, setChoices] = useState<Map<string, Choice>>(new Map())
  useEffect(() => {
    let alive = true
    asked ??= sendRequest({ type: "wrapup.choices" }).then((r) => new Map((r?.choices ?? []).map((c) => [c.id, { id: c.id, label: c.label }])))
    asked.then((m) => alive && setChoices(m)).catch(() => (asked = null))
    return () => {
      alive = false
    }
  }, [])
  return (id) => {
    const choice = choices.get(id)
    return choice ? choiceLabel(choice, locale) : id
  }
}
