import { describe, expect, it } from "vitest"
import * as z from "zod"

import { CapturedNumberSchema, REQUEST_SCHEMAS } from "../lib/messages.schema"
import { capturedNumbersOrNull } from "./queue-input"

const byZod = (items: unknown[]) => z.array(CapturedNumberSchema).safeParse(items)

const VALID: unknown[] = [
  { phone: "+15550000001" },
  { phone: "+15550000001", name: "  Ada  Lovelace ", company: " Acme ", sourceUrl: "https://crm.example.com/c/1", crm: "hubspot" },
  { phone: "+442071838750", name: "x".repeat(500), sourceUrl: "http://localhost:8080/a?b=c#d" },
  { phone: "+15550000001", extra: "dropped", name: undefined },
  { phone: "+15550000001", crm: "c".repeat(40), sourceUrl: `https://e.test/${"p".repeat(2000)}` },
]
const INVALID: unknown[] = [
  null, "+15550000001", 15550000001, ["+15550000001"], {},
  { phone: "555-0100" }, { phone: "+05550000001" }, { phone: "+1555" }, { phone: "+1555000000123456" }, { phone: " +15550000001" },
  { phone: "+15550000001", name: 3 }, { phone: "+15550000001", name: null }, { phone: "+15550000001", company: {} },
  { phone: "+15550000001", sourceUrl: "javascript:alert(1)" }, { phone: "+15550000001", sourceUrl: "data:text/html,x" },
  { phone: "+15550000001", sourceUrl: "not a url" }, { phone: "+15550000001", sourceUrl: `https://e.test/${"p".repeat(2048)}` },
  { phone: "+15550000001", crm: "c".repeat(41) }, { phone: "+15550000001", crm: 1 },
]

describe("queue.add items: the fast check agrees with CapturedNumberSchema", () => {
  it.each(VALID.map((v) => [JSON.stringify(v).slice(0, 60), v]))("accepts %s with the schema's output", (_, item) => {
    const zod = byZod([item])
    expect(zod.success).toBe(true)
    expect(capturedNumbersOrNull([item])).toEqual(zod.data)
  })

  it.each(INVALID.map((v) => [JSON.stringify(v)?.slice(0, 60), v]))("refuses %s, as the schema does", (_, item) => {
    expect(byZod([item]).success).toBe(false)
    expect(capturedNumbersOrNull([{ phone: "+15550000009" }, item])).toBeNull()
  })

  it("the queue.add request keeps the schema's error message for a bad item, and its output for good ones", () => {
    const bad = REQUEST_SCHEMAS["queue.add"].safeParse({ type: "queue.add", items: [{ phone: "+15550000001" }, { phone: "555-0100" }] })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe(byZod([{ phone: "555-0100" }]).error?.issues[0]?.message)
    const good = REQUEST_SCHEMAS["queue.add"].safeParse({ type: "queue.add", items: [{ phone: "+15550000001", name: " Ada ", junk: 1 }] })
    expect(good.data).toEqual({ items: [{ phone: "+15550000001", name: "Ada" }] })
    expect(REQUEST_SCHEMAS["queue.add"].safeParse({ type: "queue.add", items: [] }).success).toBe(false)
    expect(REQUEST_SCHEMAS["queue.add"].safeParse({ type: "queue.add", items: Array.from({ length: 10_001 }, () => ({ phone: "+15550000001" })) }).success).toBe(false)
  })
})
