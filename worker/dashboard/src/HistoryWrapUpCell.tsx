/** The dashboard history's "Wrap-up" cell: the disposition, the note, a callback time; "not recorded" for an answered call nobody wrapped up. */
import type { AdminHistoryRow } from "@dialer/shared";
import { dateTime, NONE } from "./format";
import { useT } from "./i18n";

export function HistoryWrapUpCell({ row }: { row: AdminHistoryRow }) {
  const { t, locale } = useT();
  if (!row.disposition)
    return row.outcome === "answered" ? (
      <span className="muted" title={t("wrapUp.notRecordedHint")}>
        {t("wrapUp.notRecorded")}
      </span>
    ) : (
      <span className="muted">{NONE}</span>
    );
  return (
    <span data-testid="history-disposition">
      <span className="tag">{row.disposition}</span>
      {row.callbackAt && <span className="muted"> {t("wrapUp.callBack", { time: dateTime(locale, row.callbackAt) })}</span>}
      {row.note && <span className="fine history-note" title={row.note}> {row.note.length > 80 ? `${row.note.slice(0, 80)}…` : row.note}</span>}
    </span>
  );
}
