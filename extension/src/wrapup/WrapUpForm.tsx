/**
 * The wrap-up form: what happened (keys 1–9 pick), a note, a callback time in the contact's local
 * time when the number tells it, Enter submits. Used by the popup, the in-page panel and the
 * history page's correction. No zod, no libphonenumber: the in-page panel bundles it.
 * `trustedOnly` (in pages): only real key presses and clicks act, never script-made events.
 */
import { type KeyboardEvent, type SyntheticEvent, useEffect, useRef, useState } from "react"

import { useContentT } from "../i18n/content"
import { prettyPhone } from "../ui/format"
import { choiceLabel } from "./choice-label"
import { checkForm, choiceForKey, keyAction, needsCallbackTime, type FormValues } from "./form-model"
import { MAX_NOTE, type WrapUpPrompt, type WrapUpSubmission } from "./types"
import { describeIn, isoToZoned, tomorrowAt, zoneOrLocal } from "./zoned-time"

export type SubmitResult = { ok: true } | { ok: false; error: string }

type Props = {
  prompt: WrapUpPrompt
  onSubmit: (body: WrapUpSubmission) => Promise<SubmitResult>
  onLater?: () => void
  trustedOnly?: boolean
  /** take the keyboard focus when shown (the popup and the page panel) */
  autoFocus?: boolean
  testId?: string
}

const isTrusted = (e: SyntheticEvent) => (e.nativeEvent as Event).isTrusted === true

function initialValues(prompt: WrapUpPrompt): FormValues {
  const zone = zoneOrLocal(prompt.timeZone)
  const cb = prompt.current.callbackAt
  return { disposition: prompt.current.disposition, note: prompt.current.note ?? "", callbackLocal: cb ? isoToZoned(cb, zone) : tomorrowAt(Date.now(), zone) }
}

export function WrapUpForm({ prompt, onSubmit, onLater, trustedOnly = false, autoFocus = false, testId = "wrapup-form" }: Props) {
  const { t, locale } = useContentT()
  const [values, setValues] = useState<FormValues>(() => initialValues(prompt))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const root = useRef<HTMLFormElement>(null)
  useEffect(() => {
    setValues(initialValues(prompt))
    setError(null)
  }, [prompt.key])
  useEffect(() => {
    if (autoFocus) root.current?.focus()
  }, [autoFocus, prompt.key])

  const zone = zoneOrLocal(prompt.timeZone)
  const callback = needsCallbackTime(prompt.choices, values.disposition)
  const allowed = (e: SyntheticEvent) => !trustedOnly || isTrusted(e)

  const pick = (id: string) => {
    setValues((v) => ({ ...v, disposition: id }))
    setError(null)
  }

  const submit = async () => {
    if (busy) return
    const checked = checkForm(prompt, values, Date.now(), locale)
    if (!checked.ok) return setError(checked.error)
    setBusy(true)
    const result = await onSubmit(checked.body).catch((e: unknown) => ({ ok: false as const, error: String(e) }))
    setBusy(false)
    setError(result.ok ? null : result.error)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (!allowed(e) || e.altKey || e.ctrlKey || e.metaKey) return
    const el = e.target as HTMLElement
    const target = el.tagName === "TEXTAREA" ? "note" : el.tagName === "INPUT" || el.tagName === "SELECT" ? "field" : "other"
    const action = keyAction(e.key, target, e.shiftKey)
    if (!action) return
    e.preventDefault()
    e.stopPropagation()
    if (action === "submit") void submit()
    else {
      const choice = choiceForKey(prompt.choices, action.pick)
      if (choice) pick(choice.id)
    }
  }

  const phone = prettyPhone(prompt.phone)
  const who = prompt.name ? `${prompt.name} · ${phone}` : phone
  return (
    <form
      ref={root}
      className="wrapup"
      tabIndex={-1}
      data-testid={testId}
      aria-label={t("wrapup.formLabel", { who })}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault()
        if (allowed(e)) void submit()
      }}>
      <div className="wrapup-head">
        <strong>{prompt.correction ? t("wrapup.correctTitle") : t("wrapup.title")}</strong>
        <span className="wrapup-who" data-testid="wrapup-who">{who}</span>
      </div>
      {prompt.required && (
        <p className="wrapup-required" data-testid="wrapup-required">{t("wrapup.required")}</p>
      )}
      <div className="wrapup-choices" role="radiogroup" aria-label={t("wrapup.whatHappened")}>
        {prompt.choices.map((c) => (
          <button
            key={c.id}
            type="button"
            role="radio"
            aria-checked={values.disposition === c.id}
            className={`wrapup-choice kind-${c.kind}${values.disposition === c.id ? " picked" : ""}`}
            data-testid={`wrapup-choice-${c.id}`}
            onClick={(e) => allowed(e) && pick(c.id)}>
            {c.key > 0 && <kbd>{c.key}</kbd>}
            {choiceLabel(c, locale)}
          </button>
        ))}
      </div>
      {callback && (
        <label className="wrapup-callback">
          <span>
            {t("wrapup.callBackAt")}{" "}
            <em data-testid="wrapup-zone">{prompt.timeZone ? t("wrapup.contactZone", { zone: prompt.timeZone.replace(/_/g, " ") }) : t("wrapup.yourZone")}</em>
          </span>
          <input
            type="datetime-local"
            value={values.callbackLocal}
            onChange={(e) => setValues({ ...values, callbackLocal: e.target.value })}
            data-testid="wrapup-callback"
          />
          {prompt.current.callbackAt && <small className="muted">{t("wrapup.was", { when: describeIn(prompt.current.callbackAt, zone, locale) })}</small>}
        </label>
      )}
      <textarea
        className="wrapup-note"
        placeholder={t("wrapup.notePlaceholder")}
        maxLength={MAX_NOTE}
        rows={2}
        value={values.note}
        onChange={(e) => setValues({ ...values, note: e.target.value })}
        data-testid="wrapup-note"
      />
      {error && (
        <p className="wrapup-error" role="alert" data-testid="wrapup-error">{error}</p>
      )}
      <div className="wrapup-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="wrapup-submit">
          {busy ? t("wrapup.saving") : t("wrapup.save")} <kbd>{t("wrapup.key.enter")}</kbd>
        </button>
        {onLater && !prompt.required && (
          <button type="button" className="link" onClick={(e) => allowed(e) && onLater()} data-testid="wrapup-later">
            {t("wrapup.later")}
          </button>
        )}
      </div>
    </form>
  )
}
