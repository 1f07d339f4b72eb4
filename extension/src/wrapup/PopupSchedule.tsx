/** The popup's wrap-up settings and schedule: "wait for my wrap-up", then the scheduled numbers. */
import { RequireWrapUpToggle } from "./RequireWrapUpToggle"
import { ScheduledPanel } from "./ScheduledPanel"

export function PopupSchedule() {
  return (
    <>
      <ScheduledPanel />
      <RequireWrapUpToggle />
    </>
  )
}
