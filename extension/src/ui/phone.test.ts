import { describe, expect, it } from "vitest"

import { displayPhone } from "./phone"

describe("displayPhone", () => {
  it("formats any country with metadata", () => {
    expect(displayPhone("+33612345678")).toBe("+33 6 12 34 56 78")
    expect(displayPhone("+15551234567")).toMatch(/^\+1 555 123 4567$/)
    expect(displayPhone("nope")).toBe("nope")
  })
})
