/** The in-page bar in French once the agent chose it (settings.language = "fr"). */
import type { DialerState } from "@dialer/shared"
import { act } from "react"
import { describe, expect, it } from "vitest"

import { stubFrenchChrome } from "../i18n/test-french"
import type { DialerView } from "../lib/messages"
import { DialerBar } from "./DialerBar"
import { mountEach } from "../ui/test-mount"

const { mountAsync } = mountEach()

async function renderBar(view: DialerView): Promise<HTMLElement> {
  stubFrenchChrome((message) => (message.type === "dialer.snapshot" ? view : undefined))
  const host = await mountAsync(<DialerBar />)
  await act(async () => await new Promise((r) => setTimeout(r, 0)))
  return host
}

const at = new Date().toISOString()
const q = (el: HTMLElement, id: string) => el.querySelector(`[data-testid="${id}"]`)

describe("dialer bar in French", () => {
  it("a call: status, next contact, Pause and Stop", async () => {
    const state: DialerState = { status: "in_call", remaining: 2, delaySeconds: 5, current: { itemId: "a", phone: "+14155550100", name: "Ann Lee", startedAt: at } }
    const el = await renderBar({ signedIn: true, state, current: { name: "Ann Lee", phone: "+14155550100" }, next: { name: "Cy Diaz", phone: "+14155550101" } })
    expect(q(el, "bar-status")?.textContent).toBe("Appel en cours")
    expect(q(el, "bar-next")?.textContent).toBe("Suivant : Cy Diaz")
    expect(q(el, "bar-toggle")?.textContent).toBe("Pause")
    expect(q(el, "bar-toggle")?.getAttribute("title")).toBe("Mettre en pause après cet appel (Alt+Shift+P)")
    expect(q(el, "bar-stop")?.textContent).toBe("Arrêter")
    expect(q(el, "dialer-bar")?.getAttribute("aria-label")).toBe("Power dialer")
  })

  it("paused: why, and how to resume", async () => {
    const state: DialerState = { status: "paused", remaining: 2, delaySeconds: 5, pausedReason: "Paused by you" }
    const el = await renderBar({ signedIn: true, state })
    expect(q(el, "bar-status")?.textContent).toBe("En pause")
    expect(q(el, "bar-notice-text")?.textContent).toBe("Mis en pause par vous")
    expect(q(el, "bar-more")?.textContent).toBe("Plus")
    expect(q(el, "bar-resume-hint")?.textContent).toContain("Reprenez depuis la fenêtre de l'extension ou avec Alt+Shift+P")
  })
})
