import { describe, expect, it } from "vitest"

import { Auth } from "./auth"
import { AGENT, jwt, LOGIN, wired } from "./test-fakes"

const NOW = 1_900_000_000_000
const soon = (s: number) => jwt(NOW / 1000 + s)

describe("Auth", () => {
  it("enrols with a code and keeps the refresh token in the vault, the access token in session", async () => {
    const t = wired((c) => (c.path === "/api/auth/enroll" ? { body: { accessToken: soon(900), refreshToken: "r1", agent: AGENT } } : undefined), { signedIn: false, now: () => NOW })
    const login = await t.auth.enroll("http://worker.test/", " CODE-123 ")
    expect(t.fetch.calls[0]).toMatchObject({ method: "POST", body: { code: "CODE-123" } })
    expect(login).toEqual({ workerUrl: "http://worker.test", refreshToken: "r1", agent: { agentId: "agent-1", name: "Ada Agent" } })
    expect(t.vault.data.login).toEqual(login)
    expect(t.session.data.access).toMatchObject({ token: soon(900), expiresAt: NOW + 900_000 })
    expect(await t.auth.accessToken()).toBe(soon(900))
    expect(t.fetch.calls).toHaveLength(1)
  })

  it("surfaces the worker's error message when enrolment is refused", async () => {
    const t = wired(() => ({ status: 401, body: { error: { code: "unauthorized", message: "This code has expired" } } }), { signedIn: false })
    await expect(t.auth.enroll("http://worker.test", "CODE-123")).rejects.toThrow("This code has expired")
  })

  it("renews before expiry and always stores the rotated refresh token", async () => {
    let n = 0
    const t = wired((c) => {
      if (c.path !== "/api/auth/refresh") return undefined
      n++
      return { body: { accessToken: soon(900), refreshToken: `refresh-token-${n}` } }
    }, { now: () => NOW })
    await t.session.set("access", { token: soon(30), expiresAt: NOW + 30_000 }) // inside the margin
    expect(await t.auth.accessToken()).toBe(soon(900))
    expect(t.fetch.calls[0]?.body).toEqual({ refreshToken: "refresh-token-0" })
    expect((t.vault.data.login as typeof LOGIN).refreshToken).toBe("refresh-token-1")
    await t.auth.refresh()
    expect(t.fetch.calls[1]?.body).toEqual({ refreshToken: "refresh-token-1" })
    expect((t.vault.data.login as typeof LOGIN).refreshToken).toBe("refresh-token-2")
  })

  it("runs one refresh for concurrent callers", async () => {
    const t = wired((c) => (c.path === "/api/auth/refresh" ? { body: { accessToken: soon(900), refreshToken: "r-next" } } : undefined), { now: () => NOW })
    const tokens = await Promise.all([t.auth.accessToken(), t.auth.accessToken(), t.auth.refresh()])
    expect(new Set(tokens).size).toBe(1)
    expect(t.fetch.calls.filter((c) => c.path === "/api/auth/refresh")).toHaveLength(1)
  })

  it("signs out when the refresh is refused", async () => {
    const t = wired(() => ({ status: 401, body: { error: { code: "unauthorized", message: "revoked" } } }), { now: () => NOW })
    await expect(t.auth.accessToken()).rejects.toThrow(/sign in again/)
    expect(t.vault.data.login).toBeUndefined()
    expect(t.signedOut).toHaveLength(1)
  })

  it("keeps the login when the worker is down", async () => {
    const t = wired(() => ({ status: 503, body: { error: { code: "internal", message: "busy" } } }), { now: () => NOW })
    await expect(t.auth.refresh()).rejects.toThrow("busy")
    expect(t.vault.data.login).toEqual(LOGIN)
    expect(t.signedOut).toHaveLength(0)
  })

  it("reports an unreachable worker by its origin", async () => {
    const t = wired(() => undefined, { now: () => NOW })
    const failing = Object.assign(async () => Promise.reject(new TypeError("Failed to fetch")), { calls: [] })
    const auth = new Auth({ vault: t.vault, session: t.session, fetch: failing as unknown as typeof fetch })
    await expect(auth.refresh()).rejects.toThrow("Cannot reach the worker at http://worker.test")
  })
})
