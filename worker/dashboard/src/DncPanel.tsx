/**
 * The company's do-not-call list: search (a +prefix, or digits anywhere), add numbers with a reason,
 * take one off, import a CSV (phone[,reason]) and export the whole list. Numbers on it are never dialed.
 */
import type { DncEntry } from "@dialer/shared";
import { useCallback, useEffect, useState } from "react";
import { dncCsv, parseDncCsv, toE164 } from "../../src/compliance/dnc-csv";
import { complianceApi } from "./api";
import { errorText, Problem } from "./errors";
import { count, dateTime, NONE } from "./format";
import { useT } from "./i18n";

const BATCH = 10_000;

export function DncPanel() {
  const { t, locale } = useT();
  const n = (v: number) => count(locale, v);
  const [q, setQ] = useState("");
  const [items, setItems] = useState<DncEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [phones, setPhones] = useState("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback((query: string, cursor?: string | null) => {
    complianceApi.dncPage(query.replace(/[\s().-]/g, ""), cursor).then(
      (r) => (setItems((old) => (cursor ? [...old, ...r.items] : r.items)), setNext(r.nextCursor), setError(null)),
      (err: unknown) => setError(err),
    );
  }, []);
  useEffect(() => {
    const t = window.setTimeout(() => load(q), 250);
    return () => window.clearTimeout(t);
  }, [q, load]);

  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await what());
      setError(null);
      load(q);
    } catch (err) {
      setMessage("");
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const add = () =>
    run(async () => {
      const raw = phones.split(/[\n,;]+/).map((p) => p.trim()).filter(Boolean);
      const bad = raw.filter((p) => !toE164(p));
      if (!raw.length) throw new Problem("dnc.needNumber");
      if (bad.length) throw new Problem("dnc.notE164", { numbers: bad.slice(0, 5).join(", ") });
      const r = await complianceApi.dncAdd(raw.map((p) => toE164(p)!), reason.trim() || undefined);
      setPhones("");
      return t("dnc.added", { count: r.added, already: r.alreadyListed });
    });

  const remove = (phone: string) => run(async () => (await complianceApi.dncRemove(phone), t("dnc.removed", { phone })));

  const importFile = (file: File) =>
    run(async () => {
      const parsed = parseDncCsv(await file.text());
      if (!parsed.rows.length) throw new Problem("dnc.fileEmpty", { file: file.name });
      let added = 0;
      let already = 0;
      const byReason = new Map<string, string[]>();
      for (const r of parsed.rows) byReason.set(r.reason ?? reason.trim(), [...(byReason.get(r.reason ?? reason.trim()) ?? []), r.phone]);
      for (const [why, list] of byReason)
        for (let i = 0; i < list.length; i += BATCH) {
          const r = await complianceApi.dncAdd(list.slice(i, i + BATCH), why || undefined);
          added += r.added;
          already += r.alreadyListed;
        }
      const lines = parsed.invalid.slice(0, 5).map((b) => n(b.line)).join(", ");
      return parsed.invalid.length
        ? t("dnc.importedSkipped", { file: file.name, added, already, count: parsed.invalid.length, lines })
        : t("dnc.imported", { file: file.name, added, already });
    });

  const exportAll = () =>
    run(async () => {
      const all: DncEntry[] = [];
      let cursor: string | null = null;
      do {
        const page = await complianceApi.dncPage("", cursor);
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const url = URL.createObjectURL(new Blob([dncCsv(all)], { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = t("dnc.fileName");
      a.click();
      URL.revokeObjectURL(url);
      return t("dnc.exported", { count: all.length });
    });

  return (
    <section className="card wide" aria-label={t("dnc.title")} data-testid="dnc-panel">
      <div className="card-head">
        <h2>{t("dnc.title")}</h2>
        <div className="filters">
          <label className="file-button">
            {t("common.importCsv")}
            <input type="file" accept=".csv,text/csv" hidden onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])} data-testid="dnc-import" />
          </label>
          <button className="secondary" onClick={exportAll} disabled={busy}>
            {t("common.exportCsv")}
          </button>
        </div>
      </div>
      <div className="filters">
        <input placeholder={t("dnc.phones")} value={phones} onChange={(e) => setPhones(e.target.value)} aria-label={t("dnc.phonesLabel")} data-testid="dnc-phones" />
        <input placeholder={t("dnc.reason")} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} aria-label={t("dnc.reasonLabel")} data-testid="dnc-reason" />
        <button onClick={add} disabled={busy} data-testid="dnc-add">
          {t("common.add")}
        </button>
        <input type="search" placeholder={t("dnc.search")} value={q} onChange={(e) => setQ(e.target.value)} aria-label={t("dnc.searchLabel")} data-testid="dnc-search" />
      </div>
      {message && <div className="banner" data-testid="dnc-message">{message}</div>}
      {error !== null && <div className="banner error">{errorText(t, error)}</div>}
      {items.length === 0 ? (
        <p className="empty">{q ? t("dnc.noMatch", { query: q }) : t("dnc.empty")}</p>
      ) : (
        <table className="table" data-testid="dnc-table">
          <thead>
            <tr>
              <th>{t("common.number")}</th>
              <th>{t("dnc.col.reason")}</th>
              <th>{t("dnc.col.added")}</th>
              <th>{t("dnc.col.by")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.phone}>
                <td className="mono">{e.phone}</td>
                <td>{e.reason ?? <span className="muted">{NONE}</span>}</td>
                <td>{dateTime(locale, e.addedAt)}</td>
                <td className="muted">{e.addedBy}</td>
                <td>
                  <button className="ghost" onClick={() => remove(e.phone)} disabled={busy} aria-label={t("dnc.removeLabel", { phone: e.phone })}>
                    {t("common.remove")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button className="ghost" onClick={() => load(q, next)}>
          {t("dnc.more")}
        </button>
      )}
    </section>
  );
}
