/** The background's wrap-up requests (see lib/messages.ts), answered by the WrapUpService. */
import type { Request, Response } from "../lib/messages"
import { withKeys } from "./form-model"
import type { WrapUpService } from "./service"

type WrapUpType = "wrapup.pending" | "wrapup.forEntry" | "wrapup.putOff" | "dialer.wrapUp" | "wrapup.scheduled" | "wrapup.scheduledNow" | "wrapup.scheduledDrop" | "wrapup.choices"
export type WrapUpHandlers = { [T in WrapUpType]: (req: Request<T>) => Promise<Response<T>> }

type Hooks = {
  /** a failure as the message to show (also remembered for the popup's banner) */
  report: (error: unknown) => Promise<string>
  /** the run or history changed: tell the bar and popup */
  publish: () => Promise<void>
}

export function wrapUpHandlers(service: WrapUpService, { report, publish }: Hooks): WrapUpHandlers {
  const attempt = async <T extends object>(work: () => Promise<T>) => {
    try {
      return { ok: true as const, ...(await work()) }
    } catch (error) {
      return { ok: false as const, error: await report(error) }
    }
  }
  return {
    "wrapup.pending": async () => ({ prompt: await service.pending().catch(() => null) }),
    "wrapup.forEntry": async ({ key }) => ({ prompt: await service.forEntry(key) }),
    "wrapup.putOff": async ({ key }) => {
      service.putOff(key)
      await publish()
      return { ok: true }
    },
    "dialer.wrapUp": ({ type: _type, ...body }) =>
      attempt(async () => {
        await service.submit(body)
        await publish()
        return {}
      }),
    "wrapup.scheduled": () => attempt(async () => ({ items: await service.scheduled() })),
    "wrapup.scheduledNow": ({ itemId }) =>
      attempt(async () => {
        await service.dialNow(itemId)
        await publish()
        return {}
      }),
    "wrapup.scheduledDrop": ({ itemId }) => attempt(async () => (await service.drop(itemId), {})),
    "wrapup.choices": async () => ({ choices: withKeys((await service.dispositions()).map(({ id, label, kind }) => ({ id, label, kind }))) }),
  }
}
