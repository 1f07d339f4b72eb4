import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import type { Api } from "../background/api"
import { addNumbers } from "../db/queue"
import { freshDb } from "../db/test-db"
import { complianceHandlers, markQueued } from "./handlers"

function fakeApi() {
  const asked: string[][] = []
  const api = {
    checkNumbers: async (phones: string[]) => {
      asked.push(phones)
      return {
        results: phones.map((phone) =>
          phone === "+12125550143" ? { phone, ok: false, reasonCode: "do_not_call" as const, reason: "+12125550143 is on the company's do-not-call list." } : { phone, ok: true },
        ),
      }
    },
  } as unknown as Api
  return { api, asked }
}
const report = async (e: unknown) => String(e)

describe("compliance marks in the background", () => {
  it("answers the popup with the queued numbers that will not be dialed, asked once when queued", async () => {
    const db = freshDb()
    const { api, asked } = fakeApi()
    await addNumbers(db, [{ phone: "+12125550143", name: "Ada" }, { phone: "+14155550101" }])
    await markQueued(db, api)
    expect(asked).toEqual([["+12125550143", "+14155550101"]])
    const res = await complianceHandlers({ db, api, report })["compliance.marks"]({ type: "compliance.marks" })
    expect(res).toMatchObject({ ok: true, marks: [{ phone: "+12125550143", ok: false, reasonCode: "do_not_call" }] })
    expect(asked).toHaveLength(1) // fresh marks: the popup's question cost no request
  })

  it("signed out: a clear error, nothing asked", async () => {
    const res = await complianceHandlers({ db: freshDb(), report })["compliance.marks"]({ type: "compliance.marks" })
    expect(res).toEqual({ ok: false, error: "Not signed in" })
  })
})
