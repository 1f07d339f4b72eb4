import { describe, expect, it } from "vitest"

import { reasonText } from "./reason-words"

describe("reason words", () => {
  it("says known worker reasons by code in the agent's language, else the worker's words", () => {
    expect(reasonText("skipped_by_agent", "Skipped by the agent", "fr")).toBe("Passé par l'agent")
    expect(reasonText("transferred", "Transferred in Aircall: the call is no longer yours", "fr")).toBe("Transféré dans Aircall : l'appel n'est plus le vôtre")
    expect(reasonText("outside_calling_hours", "Outside calling hours: …", "fr")).toBe("Hors des heures d'appel")
    expect(reasonText("skipped_by_agent", "x", "en")).toBe("Skipped by the agent")
    expect(reasonText("rejected_by_aircall", "Aircall refused the number: invalid", "fr")).toBe("Aircall refused the number: invalid")
    expect(reasonText(null, null, "fr")).toBeUndefined()
  })
})
