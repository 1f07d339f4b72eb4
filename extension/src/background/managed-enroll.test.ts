import "fake-indexeddb/auto"

import { afterEach, describe, expect, it, vi } from "vitest"

import { createMessageHandler } from "./handlers"
import { AGENT, jwt, wired } from "./test-fakes"

/** Under a policy that sets the worker URL, the background enrols nowhere else (whatever a page sends). */
describe("enrolment under a managed worker URL", () => {
  afterEach(() => vi.unstubAllGlobals())

  function setup() {
    const t = wired((c) => (c.path === "/api/auth/enroll" ? { body: { accessToken: jwt(Math.floor(Date.now() / 1000) + 900), refreshToken: "r1", agent: AGENT } } : undefined), { signedIn: false })
    return { ...t, handle: createMessageHandler({ db: t.db, auth: t.auth, service: t.service, connect: () => {} }) }
  }

  it("refuses another worker address, sending nothing", async () => {
    vi.stubGlobal("chrome", { storage: { managed: { get: async () => ({ workerUrl: "https://dialer.example.com" }) } } })
    const t = setup()
    expect(await t.handle({ type: "auth.enroll", workerUrl: "https://other.example.com", code: "ABCDE-FGHJK" })).toEqual({ ok: false, error: "Your company set the worker address to https://dialer.example.com" })
    expect(t.fetch.calls).toEqual([])
  })

  it("enrols at the managed address", async () => {
    vi.stubGlobal("chrome", { storage: { managed: { get: async () => ({ workerUrl: "https://dialer.example.com" }) } } })
    const t = setup()
    const result = await t.handle({ type: "auth.enroll", workerUrl: "https://dialer.example.com", code: "ABCDE-FGHJK" })
    expect(t.fetch.calls.map((c) => c.path)).toContain("/api/auth/enroll")
    expect(result).toMatchObject({ ok: true, account: { workerUrl: "https://dialer.example.com" } })
  })
})
