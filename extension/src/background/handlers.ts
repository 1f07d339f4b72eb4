import type { DialerDB } from "../db/db"
import { activePhones, addNumbers } from "../db/queue"
import { measureSince } from "../db/queue-timing"
import { readDialerState, writeAccount } from "../db/runtime"
import { saveSettings } from "../db/settings"
import type { Request, RequestType, Response } from "../lib/messages"
import { REQUEST_SCHEMAS, RequestEnvelope } from "../lib/messages.schema"
import type { Auth } from "./auth"
import type { DialerService } from "./dialer-service"
import type { Api } from "./api"
import { campaignHandlers } from "../lists/campaign-handlers"
import { buildView, isRunActive } from "./view"
import { wrapUpHandlers } from "../wrapup/handlers"
import { complianceHandlers, markQueued } from "../compliance/handlers"
import { managedWorkerUrlProblem, readManaged } from "../lib/managed"

export type HandlerDeps = {
  db: DialerDB
  auth: Auth
  service: DialerService
  /** Open (or re-open) the WebSocket after a sign-in. */
  connect: () => void
  /** The worker API, for the Aircall Power Dialer requests (they answer an error without it). */
  api?: Api
}

type Handlers = { [T in RequestType]: (req: Request<T>) => Promise<Response<T>> }

function handlers({ db, auth, service, connect, api }: HandlerDeps): Handlers {
  /** Run a worker call; a failure becomes `{ok:false, error}` with the worker's message. */
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work()
      return { ok: true as const }
    } catch (error) {
      return { ok: false as const, error: await service.report(error) }
    }
  }
  return {
    // Only content scripts add numbers. During a run they wait in the popup for the agent's approval
    // instead of reaching the worker's queue (a script on the page cannot get a number dialed).
    "queue.add": async ({ items }) => {
      const awaitingApproval = isRunActive(await readDialerState(db))
      const { staged, ...result } = await addNumbers(db, items, { awaitingApproval })
      // A big add answers once its numbers are durable; tabs and the worker hear of it after its
      // rows are written (their reads wait for them).
      const edited = service.queueEdited().catch((error: unknown) => service.report(error))
      if (!staged) await edited
      void markQueued(db, api).catch((error: unknown) => console.warn("compliance marks", error))
      return result
    },
    "queue.phones": async () => ({ phones: await activePhones(db) }),
    "queue.edited": () => attempt(() => service.queueEdited()),
    "dialer.command": ({ command }) => attempt(() => service.command(command)),
    "dialer.start": ({ requireWrapUp }) => attempt(async () => service.start({ requireWrapUp: requireWrapUp ?? (await service.wrapUp().requireWrapUp()) })),
    "dialer.snapshot": async () => buildView(db, await service.signedIn()),
    "sync.now": () => (connect(), attempt(() => service.resync())), // a link that is down is tried again now
    "stats.get": async ({ from, to }) => {
      try {
        return { ok: true, stats: await service.stats(from, to) }
      } catch (error) {
        return { ok: false, error: await service.report(error) }
      }
    },
    "auth.enroll": async ({ workerUrl, code }) => {
      const managed = managedWorkerUrlProblem(workerUrl, await readManaged()) // IT's worker address, set by policy
      if (managed) return { ok: false, error: managed }
      try {
        const login = await auth.enroll(workerUrl, code)
        const account = { agentId: login.agent.agentId, name: login.agent.name, workerUrl: login.workerUrl }
        await saveSettings(db, { workerUrl: login.workerUrl })
        await writeAccount(db, account)
        connect()
        return { ok: true, account }
      } catch (error) {
        return { ok: false, error: await service.report(error) }
      }
    },
    "auth.signOut": () => attempt(() => auth.signOut()),
    ...campaignHandlers({ db, api, report: (error) => service.report(error) }),
    ...complianceHandlers({ db, api, report: (error) => service.report(error) }),
    ...wrapUpHandlers(service.wrapUp(), { report: (error) => service.report(error), publish: () => service.publish() }),
  }
}

/**
 * The runtime message entry point: the envelope and then the body are validated with zod before
 * any handler runs; anything else is answered with an error and never acted on.
 */
export function createMessageHandler(deps: HandlerDeps): (raw: unknown) => Promise<unknown> {
  const table = handlers(deps)
  return async (raw) => {
    const envelope = RequestEnvelope.safeParse(raw)
    if (!envelope.success) return { ok: false, error: "Unknown message" }
    const type = envelope.data.type
    const started = performance.now()
    const body = REQUEST_SCHEMAS[type].safeParse(raw)
    if (type === "queue.add") measureSince("queue.add validate", started)
    if (!body.success) return { ok: false, error: `Invalid ${type}: ${body.error.issues[0]?.message ?? ""}` }
    const handle = table[type] as (req: unknown) => Promise<unknown>
    return handle({ ...(body.data as object), type })
  }
}
