/** The background's compliance request (see lib/messages.ts): marks of the numbers waiting in the queue. */
import type { Api } from "../background/api"
import type { DialerDB } from "../db/db"
import { activePhones } from "../db/queue"
import type { Request, Response } from "../lib/messages"
import { ComplianceMarks } from "./marks"

export type ComplianceHandlers = { "compliance.marks": (req: Request<"compliance.marks">) => Promise<Response<"compliance.marks">> }

const byApi = new WeakMap<Api, ComplianceMarks>()
const marksFor = (api: Api) => {
  let m = byApi.get(api)
  if (!m) byApi.set(api, (m = new ComplianceMarks(async (phones) => (await api.checkNumbers(phones)).results)))
  return m
}

/** Numbers were queued: ask about them now, so the popup shows their marks as soon as it opens. */
export async function markQueued(db: DialerDB, api: Api | undefined): Promise<void> {
  if (!api) return
  const phones = await activePhones(db)
  if (phones.length) await marksFor(api).refresh(phones)
}

export function complianceHandlers({ db, api, report }: { db: DialerDB; api?: Api; report: (error: unknown) => Promise<string> }): ComplianceHandlers {
  return {
    "compliance.marks": async () => {
      if (!api) return { ok: false, error: "Not signed in" }
      try {
        const marks = await marksFor(api).refresh(await activePhones(db))
        return { ok: true, marks: marks.filter((m) => !m.ok) }
      } catch (error) {
        return { ok: false, error: await report(error) }
      }
    },
  }
}
