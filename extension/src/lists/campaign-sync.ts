/**
 * Aircall's own Power Dialer from a list: the list's numbers go into the agent's Aircall dialer
 * campaign through the worker, and the list is marked "aircall" so our run never dials it at the
 * same time. Runs in the background (it holds the worker login).
 */
import { MAX_CAMPAIGN_ITEMS, type CampaignNumber, type CampaignPostResult } from "@dialer/shared"

import type { Api } from "../background/api"
import { ApiError } from "../background/http"
import type { DialerDB } from "../db/db"
import { ListError, setListMode } from "../db/lists"
import { holdOf, listRows } from "../db/queue"

export type SendResult = CampaignPostResult & { sent: number }

/**
 * Send a list's pending numbers (not those waiting for the agent's approval or cost confirmation)
 * to Aircall's Power Dialer. The list is marked first, so a run cannot start on it meanwhile; when
 * Aircall took none of them, the mark is taken back.
 */
export async function sendListToAircall(db: DialerDB, api: Api, listId: string): Promise<SendResult> {
  const list = await db.lists.get(listId)
  if (!list) throw new ListError("This list no longer exists")
  const items = (await listRows(db, listId))
    .filter((r) => r.status === "pending" && holdOf(r) === null)
    .map((r) => (r.name ? { phone: r.phone, name: r.name.slice(0, 200) } : { phone: r.phone }))
  if (items.length === 0) throw new ListError(`"${list.name}" has no pending number to send`)
  const previous = list.mode
  await setListMode(db, listId, "aircall")
  const total: SendResult = { added: 0, alreadyThere: 0, failed: [], sent: items.length }
  try {
    for (let i = 0; i < items.length; i += MAX_CAMPAIGN_ITEMS) {
      // Names go too: the worker names the history row of a call made from Aircall's Power Dialer.
      const result = await api.campaignAdd(items.slice(i, i + MAX_CAMPAIGN_ITEMS))
      total.added += result.added
      total.alreadyThere += result.alreadyThere
      total.failed.push(...result.failed)
    }
  } catch (error) {
    if (total.added + total.alreadyThere === 0) await setListMode(db, listId, previous)
    throw error
  }
  if (total.added + total.alreadyThere === 0) await setListMode(db, listId, previous)
  return total
}

/** The numbers in the agent's Aircall campaign and whether Aircall called them; null when there is none. */
export async function readAircallCampaign(api: Api): Promise<CampaignNumber[] | null> {
  try {
    return (await api.campaign()).numbers
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** Empty the agent's Aircall campaign; every list handed to it can be dialed by our run again. */
export async function clearAircallCampaign(db: DialerDB, api: Api): Promise<void> {
  await api.clearCampaign()
  const lists = await db.lists.filter((l) => l.mode === "aircall").toArray()
  for (const list of lists) await setListMode(db, list.id, "run")
}
