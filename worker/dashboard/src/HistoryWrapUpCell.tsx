/** The dashboard history's "Wrap-up" cell: the disposition, the note, a callback time; "not recorded" for an answered call nobody wrapped up. */
import type { AdminHistoryRow } from "@dialer/shared";
import { dateTime } from "./format";

export function HistoryWrapUpCell({ row }: { row: AdminHistoryRow }) {
  if (!row.disposition)
    return row.outcome === "answered" ? <span className="muted" title="Answered, but nobody said whether a person or a voicemail box answered">not recorded</span> : <span className="muted">–</span>;
  return (
    <span data-testid="history-disposition">
      <span className="tag">{row.disposition}</span>
      {row.callbackAt && <span className="muted"> call back {dateTime(row.callbackAt)}</span>}
      {row.note && <span className="fine history-note" title={row.note}> {row.note.length > 80 ? `${row.note.slice(0, 80)}…` : row.note}</span>}
    </span>
  );
}
