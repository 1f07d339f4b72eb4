// @vitest-environment node
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import { pausedText, pauseReasonText } from "./pause-words"

/** The worker's own source: the sentences matched here must still be the ones it writes. */
const machine = readFileSync(fileURLToPath(new URL("../../../worker/src/dialer/dialer-machine.ts", import.meta.url)), "utf8")

describe("pause words", () => {
  it("translates the worker's known pause reasons, keeping their details", () => {
    expect(pauseReasonText("Aircall refused 3 numbers in a row (invalid number). Check the agent's Aircall number and user, then resume.", "fr")).toBe(
      "Aircall a refusé 3 numéros d'affilée (invalid number). Vérifiez le numéro et l'utilisateur Aircall de l'agent, puis reprenez.",
    )
    expect(pauseReasonText("The dialer lost track of the call in Aircall (timeout). Check it in Aircall, then resume.", "fr")).toBe(
      "Le dialer a perdu la trace de l'appel dans Aircall (timeout). Vérifiez-le dans Aircall, puis reprenez.",
    )
    expect(pauseReasonText("Aircall could not confirm whether the call to +14155550100 was placed (HTTP 502). Check Aircall, then resume.", "fr")).toBe(
      "Aircall n'a pas pu confirmer si l'appel vers +14155550100 a été passé (HTTP 502). Vérifiez dans Aircall, puis reprenez.",
    )
    expect(pausedText("Aircall keeps failing: HTTP 500", "fr")).toBe("En pause : Aircall échoue à répétition : HTTP 500")
    expect(pauseReasonText("Aircall keeps failing: HTTP 500", "en")).toBe("Aircall keeps failing: HTTP 500")
    expect(pauseReasonText("Something new from the worker", "fr")).toBe("Something new from the worker")
  })

  it("matches what the worker writes today", () => {
    for (const words of [
      "Paused by you",
      "You are unavailable in Aircall. The run goes on when you are available again.",
      "Aircall Workspace is closed (logged out). Open Aircall Workspace and the run goes on by itself.",
      "numbers in a row (${r.message}). Check the agent's Aircall number and user, then resume.",
      "The dialer lost track of the call in Aircall (${why}). Check it in Aircall, then resume.",
      "Aircall could not confirm whether the call to ${cur.item.phone} was placed (${why}).",
      "Check Aircall, then resume.",
      "Aircall keeps failing: ${why}",
    ])
      expect(machine, words).toContain(words)
  })
})
