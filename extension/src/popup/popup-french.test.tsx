/** The popup's pieces in French once the agent chose it (settings.language = "fr"). */
import type { DialerState } from "@dialer/shared"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { act } from "react"
import { createRoot, type Root } from "react-dom/client"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { stubFrenchChrome } from "../i18n/test-french"
import { MessageBox } from "./MessageBox"
import { QueuePanel } from "./QueuePanel"
import { RunPanel } from "./RunPanel"
import { ShortcutsHelp } from "./ShortcutsHelp"
import { explainError } from "../lib/user-messages"

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root | undefined
let host: HTMLElement | undefined
beforeEach(() => stubFrenchChrome())
afterEach(() => {
  act(() => root?.unmount())
  host?.remove()
  vi.unstubAllGlobals()
})

/** Renders, then lets the stored language be read (one storage read, then a re-render). */
async function render(node: ReactNode): Promise<HTMLElement> {
  host = document.createElement("div")
  document.body.append(host)
  root = createRoot(host)
  const client = new QueryClient()
  await act(async () => root!.render(<QueryClientProvider client={client}>{node}</QueryClientProvider>))
  await act(async () => await new Promise((r) => setTimeout(r, 0)))
  return host
}

const at = new Date(Date.now() - 65_000).toISOString()
const inCall: DialerState = { status: "in_call", remaining: 3, delaySeconds: 5, current: { itemId: "a", phone: "+14155550100", name: "Ann Lee", startedAt: at, answeredAt: at } }

describe("popup in French", () => {
  it("the run panel: status, next contact and controls", async () => {
    const el = await render(<RunPanel state={inCall} pending={3} next="Cy Diaz" />)
    expect(el.querySelector(".status-label")?.textContent).toBe("Appel en cours")
    expect(el.querySelector('[data-testid="next-contact"]')?.textContent).toBe("Suivant : Cy Diaz")
    const buttons = [...el.querySelectorAll("button")].map((b) => b.textContent)
    expect(buttons).toEqual(["Pause", "Passer", "Arrêter"])
    expect(el.querySelector('[data-testid="control-pause"]')?.getAttribute("title")).toBe("Pause (Alt+Shift+P)")
  })

  it("a dial waiting for a slot of the company's Aircall budget says so", async () => {
    const waiting: DialerState = { status: "dialing", remaining: 2, delaySeconds: 5, current: { itemId: "a", phone: "+14155550100", name: "Ann Lee", waitingForSlot: true } }
    const el = await render(<RunPanel state={waiting} pending={2} />)
    expect(el.querySelector('[data-testid="waiting-for-slot"]')?.textContent).toMatch(/^En attente d'une place dans le quota/)
  })

  it("a dial that went out says nothing about the budget", async () => {
    const sent: DialerState = { status: "dialing", remaining: 2, delaySeconds: 5, current: { itemId: "a", phone: "+14155550100", name: "Ann Lee" } }
    const el = await render(<RunPanel state={sent} pending={2} />)
    expect(el.querySelector('[data-testid="waiting-for-slot"]')).toBeNull()
  })

  it("idle: how many numbers are ready, and Start", async () => {
    const el = await render(<RunPanel state={{ status: "idle", remaining: 0, delaySeconds: 5 }} pending={2} />)
    expect(el.textContent).toContain("2 numéros prêts à appeler")
    expect(el.querySelector('[data-testid="control-start"]')?.textContent).toBe("Démarrer")
  })

  it("the queue's counts and its empty state", async () => {
    const queue = { rows: [], pending: 1, held: 0, done: 2, failed: 0 } as unknown as Parameters<typeof QueuePanel>[0]["queue"]
    const el = await render(<QueuePanel queue={queue} running={false} />)
    expect(el.querySelector("h2")?.textContent).toBe("File d'appels")
    expect(el.querySelector('[data-testid="queue-counts"]')?.textContent).toBe("1 en attente2 traités0 échec")
    expect(el.querySelector('[data-testid="queue-empty"]')?.textContent).toBe("Aucun numéro pour l'instant. Sur une page CRM, cliquez sur + File à côté d'un numéro.")
    expect(el.querySelector('[data-testid="queue-clear"]')?.textContent).toBe("Vider")
  })

  it("before the queue's first read answers, it says it is reading, not that the queue is empty", async () => {
    const queue = { rows: [], pending: 0, held: 0, done: 0, failed: 0, skipped: 0, loading: true }
    const el = await render(<QueuePanel queue={queue} running={false} />)
    expect(el.querySelector('[data-testid="queue-loading"]')?.textContent).toMatch(/^Lecture de la file d'attente…/)
    expect(el.querySelector('[data-testid="queue-empty"]')).toBeNull()
    expect(el.querySelector('[data-testid="queue-counts"]')).toBeNull()
  })

  it("an error in plain French words, details one click away", async () => {
    const el = await render(<MessageBox message={explainError("Failed to fetch", "fr")} tone="error" testId="error-banner" />)
    expect(el.querySelector(".message-what")?.textContent).toBe("Le serveur du dialer est injoignable.")
    expect(el.querySelector('[data-testid="error-banner-details"]')?.textContent).toBe("Détails")
  })

  it("the keyboard help", async () => {
    const el = await render(<ShortcutsHelp keys={{ "toggle-pause": "Alt+Shift+P", skip: "" }} />)
    expect(el.querySelector("summary")?.textContent).toBe("Raccourcis clavier")
    expect(el.textContent).toContain("non défini passer le numéro suivant")
  })
})
