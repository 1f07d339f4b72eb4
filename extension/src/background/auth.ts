import { EnrollResponse, RefreshResponse, type Agent } from "@dialer/shared"

import type { KeyValueStore } from "../lib/storage"
import { ApiError, type Fetch, joinUrl, readResponse, send } from "./http"
import { tokenExpiry } from "./jwt"

/** What survives a browser restart (the extension's IndexedDB: never chrome.storage.local, which content scripts read). */
export type StoredLogin = { workerUrl: string; refreshToken: string; agent: Pick<Agent, "agentId" | "name"> }
type StoredAccess = { token: string; expiresAt: number }

const LOGIN = "login"
const ACCESS = "access"
/** Renew this long before the access token expires. */
const RENEW_MARGIN_MS = 60_000

export type AuthDeps = {
  /** Where the login and refresh token persist: reachable by trusted extension contexts only. */
  vault: KeyValueStore
  session: KeyValueStore
  fetch: Fetch
  now?: () => number
  /** Called once when a refresh is refused: the agent must sign in again. */
  onSignedOut?: () => void | Promise<void>
}

/**
 * Enrolment, silent renewal and sign-out. Refresh tokens rotate: every refresh stores the new one;
 * one refresh runs at a time (concurrent callers share it) so a rotated token is never reused.
 */
export class Auth {
  private refreshing: Promise<string> | null = null
  private readonly now: () => number

  constructor(private readonly deps: AuthDeps) {
    this.now = deps.now ?? Date.now
  }

  login(): Promise<StoredLogin | undefined> {
    return this.deps.vault.get<StoredLogin>(LOGIN)
  }

  async enroll(workerUrl: string, code: string): Promise<StoredLogin> {
    const res = await send(this.deps.fetch, joinUrl(workerUrl, "/api/auth/enroll"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: code.trim() }),
    })
    const body = await readResponse(res, EnrollResponse)
    const login: StoredLogin = {
      workerUrl: workerUrl.replace(/\/+$/, ""),
      refreshToken: body.refreshToken,
      agent: { agentId: body.agent.agentId, name: body.agent.name },
    }
    await this.deps.vault.set(LOGIN, login)
    await this.storeAccess(body.accessToken)
    return login
  }

  /** A valid access token, renewed first when it is missing or about to expire. */
  async accessToken(): Promise<string> {
    const access = await this.deps.session.get<StoredAccess>(ACCESS)
    if (access && access.expiresAt - RENEW_MARGIN_MS > this.now()) return access.token
    return this.refresh()
  }

  /** Exchange the refresh token (single flight). A refused refresh signs the agent out. */
  refresh(): Promise<string> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  async signOut(): Promise<void> {
    await this.deps.vault.remove(LOGIN)
    await this.deps.session.remove(ACCESS)
    await this.deps.onSignedOut?.()
  }

  private async doRefresh(): Promise<string> {
    const login = await this.login()
    if (!login) throw new ApiError(401, "signed_out", "Not signed in: open the options page and enter your code")
    const res = await send(this.deps.fetch, joinUrl(login.workerUrl, "/api/auth/refresh"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refreshToken: login.refreshToken }),
    })
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      await this.signOut()
      throw new ApiError(401, "signed_out", "Your session ended: sign in again from the options page")
    }
    const body = await readResponse(res, RefreshResponse)
    await this.deps.vault.set(LOGIN, { ...login, refreshToken: body.refreshToken })
    await this.storeAccess(body.accessToken)
    return body.accessToken
  }

  private async storeAccess(token: string): Promise<void> {
    const expiresAt = tokenExpiry(token) ?? this.now() + 5 * 60_000
    await this.deps.session.set(ACCESS, { token, expiresAt } satisfies StoredAccess)
  }
}
