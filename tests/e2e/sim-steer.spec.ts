import { chromium, expect, test } from "@playwright/test"

import { startSimulator } from "../aircall-sim/simulator"
import { CHROMIUM, CHROMIUM_ARGS } from "../system/chromium"

/** The simulator's page (/_sim/, printed by `pnpm dev`) steers: outcomes, availability, faults. */
test("the simulator page steers the next calls' outcome, a user's availability and faults", async () => {
  const sim = await startSimulator({ port: 0 })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.goto(`${sim.url}/_sim/`)
    await expect(page.getByTestId("default-outcome")).toHaveText("answered")

    await page.getByTestId("outcome-no_answer").click()
    await expect(page.getByTestId("steer-result")).toHaveText("Done: No answer")
    await expect(page.getByTestId("default-outcome")).toHaveText("no_answer") // the live part refreshed

    const user = sim.users()[0]!
    await page.getByTestId(`avail-${user.id}-do_not_disturb`).click()
    await expect.poll(() => sim.users().find((u) => u.id === user.id)?.availability).toBe("do_not_disturb")

    await page.getByTestId("fault-405").click()
    await expect(page.getByTestId("steer-result")).toContainText("Done")
    const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as { faults: { startCall: unknown[] } }
    expect(state.faults.startCall).toEqual([{ status: 405 }])
  } finally {
    await browser.close()
    await sim.close()
  }
})
