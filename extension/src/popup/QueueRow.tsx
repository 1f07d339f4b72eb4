import { useSortable } from "@dnd-kit/sortable"
import { CSS } from "@dnd-kit/utilities"
import type { KeyboardEvent } from "react"

import type { Translate } from "@dialer/shared/i18n"

import { numberRisk } from "../db/number-risk"
import { activeLocale, translatorFor, useT, type MessageKey } from "../i18n"
import { holdOf } from "../db/queue"
import type { QueueRow as Row } from "../db/types"
import { httpUrl } from "../lib/safe-url"
import { phoneCountry } from "../detect/phone-text"
import { displayPhone } from "../ui/phone"

export const ROW_HEIGHT = 44

/**
 * "Now" for the number being dialled while the run goes on ("Last call" once it stopped: the call
 * is Aircall's then); the outcome for finished ones; else the status.
 */
export function chipLabel(row: Row, running = true, t: Translate<MessageKey> = translatorFor(activeLocale())): string {
  if (row.status === "dialing") return running ? t("popup.chip.now") : t("popup.chip.lastCall")
  if (row.status === "done" && row.lastOutcome) return t(`popup.outcome.${row.lastOutcome}`)
  return t(`popup.chip.${row.status}`)
}

type Props = {
  row: Row
  index: number
  top: number
  locked: boolean
  /** whether a run is going (a "dialing" row is only live then) */
  running?: boolean
  /** the row above is the same contact (another of their numbers): the name is not repeated */
  sameContact?: boolean
  onNudge: (id: string, delta: -1 | 1) => void
  onRemove: (id: string) => void
  onInclude: (id: string) => void
  onConfirm: (id: string) => void
}

/** Why a pending row waits for the agent: added from a page during a run, or a costly number. */
function HoldLabel({ row }: { row: Row }) {
  const { t } = useT()
  const hold = holdOf(row)
  if (hold === "approval") {
    return (
      <span className="chip chip-held" data-testid="queue-awaiting" title={t("popup.hold.fromPageTitle")}>
        {t("popup.hold.fromPage")}
      </span>
    )
  }
  const risk = row.risk ?? numberRisk(row.phone)
  return (
    <span className="chip chip-risk" data-testid="queue-risk" title={t("popup.hold.costlyTitle")}>
      {risk ? t(`popup.risk.${risk}`) : t("popup.hold.costly")}
    </span>
  )
}

/** What the agent does about a held row: include it in the run, or confirm the costly number. */
function HoldAction({ row, onInclude, onConfirm }: Pick<Props, "row" | "onInclude" | "onConfirm">) {
  const { t } = useT()
  return holdOf(row) === "approval" ? (
    <button className="small" onClick={() => onInclude(row.id)} data-testid="queue-include" aria-label={t("popup.includeLabel", { phone: row.phone })}>
      {t("popup.include")}
    </button>
  ) : (
    <button className="small danger" onClick={() => onConfirm(row.id)} data-testid="queue-confirm" aria-label={t("popup.confirmLabel", { phone: row.phone })}>
      {t("popup.confirm")}
    </button>
  )
}

/** One queue row: handle, position, contact, status chip, remove. Alt+↑/↓ moves it. */
export function QueueRow({ row, index, top, locked, running = true, sameContact = false, onNudge, onRemove, onInclude, onConfirm }: Props) {
  const { t } = useT()
  const unknown = t("run.unknown")
  const record = httpUrl(row.sourceUrl) // never a javascript: link, whatever was stored
  const held = row.status === "pending" && holdOf(row) !== null
  const sortable = useSortable({ id: row.id, disabled: locked })
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    if (!event.altKey) {
      // The row is the one Tab stop; arrows walk the list, Enter opens the record, Delete removes.
      if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        event.preventDefault()
        const sibling = event.key === "ArrowUp" ? event.currentTarget.previousElementSibling : event.currentTarget.nextElementSibling
        ;(sibling as HTMLElement | null)?.focus()
      } else if (event.key === "Enter" && record) {
        event.preventDefault()
        window.open(record, "_blank", "noopener,noreferrer")
      } else if ((event.key === "Delete" || event.key === "Backspace") && !locked) {
        event.preventDefault()
        onRemove(row.id)
      }
      return
    }
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault()
      onNudge(row.id, event.key === "ArrowUp" ? -1 : 1)
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault()
      onRemove(row.id)
    }
  }
  // Positioning comes from the virtualiser and dnd-kit (computed geometry, not state styling).
  const position = {
    transform: `translateY(${top}px) ${CSS.Translate.toString(sortable.transform) ?? ""}`,
    transition: sortable.transition,
  }

  return (
    <div
      ref={sortable.setNodeRef}
      style={position}
      className={`queue-row status-${row.status}${sortable.isDragging ? " dragging" : ""}${sameContact ? " same-contact" : ""}`}
      role="listitem"
      tabIndex={0}
      data-row-id={row.id}
      data-testid="queue-row"
      data-phone={row.phone}
      aria-label={t("popup.row.label", { position: index + 1, name: row.name ?? unknown, phone: displayPhone(row.phone), status: chipLabel(row, running, t) })}
      aria-describedby="queue-row-keys"
      onKeyDown={onKeyDown}>
      <button
        className="drag-handle"
        aria-label={t("popup.row.drag", { who: row.name ?? row.phone })}
        disabled={locked}
        {...sortable.attributes}
        {...sortable.listeners}
        tabIndex={-1}>
        ⠿
      </button>
      <span className="row-index">{index + 1}</span>
      <span className="row-contact">
        <span className="row-line">
          {held && <HoldLabel row={row} />}
          {sameContact ? (
            <span className="row-name row-same" data-testid="queue-same-contact" title={t("popup.row.anotherNumberTitle", { name: row.name ?? unknown })}>
              {t("popup.row.anotherNumber")}
            </span>
          ) : record ? (
            <a className="row-name" href={record} target="_blank" rel="noopener noreferrer" title={t("popup.row.openRecord")} data-testid="queue-record" tabIndex={-1}>
              {row.name ?? unknown}
            </a>
          ) : (
            <span className="row-name">{row.name ?? unknown}</span>
          )}
        </span>
        <span className="row-phone" data-testid="queue-phone">
          {displayPhone(row.phone)}
          {phoneCountry(row.phone) && <span className="row-country"> · {phoneCountry(row.phone)}</span>}
        </span>
      </span>
      {held ? (
        <HoldAction row={row} onInclude={onInclude} onConfirm={onConfirm} />
      ) : (
        <span className={`chip chip-${row.status === "dialing" && !running ? "pending" : row.status}${row.lastOutcome ? ` outcome-${row.lastOutcome}` : ""}`}>
          {chipLabel(row, running, t)}
        </span>
      )}
      <button
        className="row-remove"
        aria-label={t("popup.row.remove", { who: row.name ?? displayPhone(row.phone) })}
        title={t("popup.row.removeTitle")}
        tabIndex={-1}
        disabled={locked}
        onClick={() => onRemove(row.id)}
        data-testid="queue-remove">
        ×
      </button>
    </div>
  )
}
