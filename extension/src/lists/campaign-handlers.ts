import type { Api } from "../background/api"
import type { DialerDB } from "../db/db"
import type { Request, Response } from "../lib/messages"
import { clearAircallCampaign, readAircallCampaign, sendListToAircall } from "./campaign-sync"

type Deps = { db: DialerDB; api?: Api; report: (error: unknown) => Promise<string> }
type CampaignType = "campaign.send" | "campaign.get" | "campaign.clear"
type CampaignHandlers = { [T in CampaignType]: (req: Request<T>) => Promise<Response<T>> }

const NO_API = { ok: false as const, error: "The Aircall Power Dialer is not available here" }

/** The background's answers to the Aircall Power Dialer requests of the Lists page. */
export function campaignHandlers({ db, api, report }: Deps): CampaignHandlers {
  const fail = async (error: unknown) => ({ ok: false as const, error: error instanceof Error && error.name === "ListError" ? error.message : await report(error) })
  return {
    "campaign.send": async ({ listId }) => {
      if (!api) return NO_API
      try {
        return { ok: true, result: await sendListToAircall(db, api, listId) }
      } catch (error) {
        return fail(error)
      }
    },
    "campaign.get": async () => {
      if (!api) return NO_API
      try {
        return { ok: true, numbers: await readAircallCampaign(api) }
      } catch (error) {
        return fail(error)
      }
    },
    "campaign.clear": async () => {
      if (!api) return NO_API
      try {
        await clearAircallCampaign(db, api)
        return { ok: true }
      } catch (error) {
        return fail(error)
      }
    },
  }
}
