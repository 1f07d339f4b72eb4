import { describe, expect, it, vi } from "vitest"

import { scriptId, sitePattern } from "./sites"

describe("sitePattern", () => {
  it("turns what the agent types into an origin match pattern", () => {
    expect(sitePattern("crm.example.com")).toBe("https://crm.example.com/*")
    expect(sitePattern(" https://crm.example.com/deals/1?x=2 ")).toBe("https://crm.example.com/*")
    expect(sitePattern("http://localhost:3000/a")).toBe("http://localhost/*")
    expect(scriptId("https://crm.example.com/*")).toBe("site:https://crm.example.com/*")
  })

  it("refuses what is not a web site", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {})
    expect(sitePattern("")).toBeNull()
    expect(sitePattern("ftp://files.example.com")).toBeNull()
    expect(sitePattern("intranet")).toBeNull()
    expect(sitePattern("http://")).toBeNull()
  })
})
