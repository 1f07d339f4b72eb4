import { act } from "react"
import { describe, expect, it, vi } from "vitest"

import { withKeys } from "./form-model"
import type { WrapUpPrompt, WrapUpSubmission } from "./types"
import { WrapUpForm } from "./WrapUpForm"
import { mountEach } from "../ui/test-mount"

const prompt: WrapUpPrompt = {
  key: "k1", itemId: "item-1", callId: "c1", phone: "+33612345678", name: "Ana", at: new Date().toISOString(), outcome: "answered",
  required: false, correction: false, timeZone: "Europe/Paris", current: { disposition: null, note: null, callbackAt: null },
  choices: withKeys([
    { id: "connected", label: "Connected", kind: "connected" },
    { id: "voicemail", label: "Left voicemail", kind: "voicemail" },
    { id: "callback", label: "Call back", kind: "callback" },
  ]),
}

const { mount: render, unmount } = mountEach()

function mount(props: Partial<Parameters<typeof WrapUpForm>[0]> = {}) {
  const sent: WrapUpSubmission[] = []
  const onSubmit = vi.fn(async (body: WrapUpSubmission) => (sent.push(body), { ok: true as const }))
  const host = render(<WrapUpForm prompt={prompt} onSubmit={onSubmit} {...props} />)
  const q = (id: string) => host.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
  const key = async (k: string, target: Element = q("wrapup-form")!, init: KeyboardEventInit = {}) => {
    await act(async () => void target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init })))
  }
  return { sent, onSubmit, q, key }
}

const type = async (el: HTMLElement, value: string) => {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value")!.set!
  await act(async () => {
    setter.call(el, value)
    el.dispatchEvent(new Event("input", { bubbles: true }))
  })
}

describe("WrapUpForm", () => {
  it("a digit picks, Enter submits: one key press and Enter end the call", async () => {
    const f = mount()
    expect(f.q("wrapup-choice-connected")!.textContent).toBe("1Connected")
    await f.key("2")
    expect(f.q("wrapup-choice-voicemail")!.getAttribute("aria-checked")).toBe("true")
    await f.key("Enter")
    expect(f.sent).toEqual([{ itemId: "item-1", disposition: "voicemail" }])
  })

  it("Enter without a choice says what is missing and sends nothing; digits typed in the note stay in the note", async () => {
    const f = mount()
    await f.key("Enter")
    expect(f.q("wrapup-error")!.textContent).toMatch(/Pick what happened/)
    await type(f.q("wrapup-note")!, "call 3 times")
    await f.key("3", f.q("wrapup-note")!)
    expect(f.q("wrapup-choice-callback")!.getAttribute("aria-checked")).toBe("false")
    await f.key("1")
    await f.key("Enter", f.q("wrapup-note")!, { shiftKey: true }) // a new line, not a submit
    expect(f.onSubmit).not.toHaveBeenCalled()
    await f.key("Enter", f.q("wrapup-note")!)
    expect(f.sent).toEqual([{ itemId: "item-1", disposition: "connected", note: "call 3 times" }])
  })

  it("a callback shows the time picker in the contact's zone, offers tomorrow 10:00, and sends that instant", async () => {
    const f = mount()
    expect(f.q("wrapup-callback")).toBeNull()
    await f.key("3")
    expect(f.q("wrapup-zone")!.textContent).toContain("Europe/Paris")
    const input = f.q("wrapup-callback") as HTMLInputElement
    expect(input.value).toMatch(/T10:00$/)
    await type(input, "2099-07-01T10:00")
    await f.key("Enter")
    expect(f.sent).toEqual([{ itemId: "item-1", disposition: "callback", callbackAt: "2099-07-01T08:00:00.000Z" }])
    await type(input, "2000-01-01T10:00")
    await f.key("Enter")
    expect(f.q("wrapup-error")!.textContent).toMatch(/passed/)
    expect(f.sent).toHaveLength(1)
  })

  it("shows the worker's refusal", async () => {
    const f = mount({ onSubmit: async () => ({ ok: false, error: "Aircall said no" }) })
    await f.key("1")
    await f.key("Enter")
    expect(f.q("wrapup-error")!.textContent).toBe("Aircall said no")
  })

  it("security: in pages (trustedOnly) script-made key presses and clicks do nothing", async () => {
    const f = mount({ trustedOnly: true })
    await f.key("1")
    await act(async () => f.q("wrapup-choice-voicemail")!.click())
    await f.key("Enter")
    await act(async () => void f.q("wrapup-form")!.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true })))
    expect(f.q("wrapup-choice-connected")!.getAttribute("aria-checked")).toBe("false")
    expect(f.q("wrapup-choice-voicemail")!.getAttribute("aria-checked")).toBe("false")
    expect(f.onSubmit).not.toHaveBeenCalled()
  })

  it("a required wrap-up says the run waits and offers no Later; a correction starts from what was saved", async () => {
    const later = vi.fn()
    const f = mount({ prompt: { ...prompt, required: true }, onLater: later })
    expect(f.q("wrapup-required")).not.toBeNull()
    expect(f.q("wrapup-later")).toBeNull()
    unmount()
    const g = mount({ prompt: { ...prompt, key: "k2", correction: true, current: { disposition: "voicemail", note: "old", callbackAt: null } } })
    expect(g.q("wrapup-choice-voicemail")!.getAttribute("aria-checked")).toBe("true")
    expect((g.q("wrapup-note") as HTMLTextAreaElement).value).toBe("old")
  })
})
