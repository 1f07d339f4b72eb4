import { db } from "../db/db"
import { useT } from "../i18n"
import { download, fileName } from "./export"
import { historyCsv } from "./exports"

/** "Export CSV" for the history page: every mirrored call, formula cells neutralised. */
export function ExportHistoryButton() {
  const { t } = useT()
  return (
    <button className="small" onClick={() => void historyCsv(db).then((csv) => download(fileName("call-history"), csv))} data-testid="history-export">
      {t("history.export")}
    </button>
  )
}
