/**
 * The company's do-not-call list: search (a +prefix, or digits anywhere), add numbers with a reason,
 * take one off, import a CSV (phone[,reason]) and export the whole list. Numbers on it are never dialed.
 */
import type { DncEntry } from "@dialer/shared";
import { useCallback, useEffect, useState } from "react";
import { dncCsv, parseDncCsv, toE164 } from "../../src/compliance/dnc-csv";
import { complianceApi } from "./api";
import { dateTime } from "./format";

const BATCH = 10_000;

export function DncPanel() {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<DncEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [phones, setPhones] = useState("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const load = useCallback((query: string, cursor?: string | null) => {
    complianceApi.dncPage(query.replace(/[\s().-]/g, ""), cursor).then(
      (r) => (setItems((old) => (cursor ? [...old, ...r.items] : r.items)), setNext(r.nextCursor), setError("")),
      (err: Error) => setError(err.message),
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
      setError("");
      load(q);
    } catch (err) {
      setMessage("");
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const add = () =>
    run(async () => {
      const raw = phones.split(/[\n,;]+/).map((p) => p.trim()).filter(Boolean);
      const bad = raw.filter((p) => !toE164(p));
      if (!raw.length) throw new Error("Type at least one number, with its country code (e.g. +12125550143).");
      if (bad.length) throw new Error(`Not E.164 (add the country code): ${bad.slice(0, 5).join(", ")}`);
      const r = await complianceApi.dncAdd(raw.map((p) => toE164(p)!), reason.trim() || undefined);
      setPhones("");
      return `Added ${r.added}; ${r.alreadyListed} already on the list.`;
    });

  const remove = (phone: string) => run(async () => (await complianceApi.dncRemove(phone), `${phone} is off the list.`));

  const importFile = (file: File) =>
    run(async () => {
      const parsed = parseDncCsv(await file.text());
      if (!parsed.rows.length) throw new Error(`${file.name} has no E.164 numbers.`);
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
      const skipped = parsed.invalid.length ? `; ${parsed.invalid.length} line(s) skipped (not E.164: line ${parsed.invalid.slice(0, 5).map((b) => b.line).join(", ")})` : "";
      return `Imported ${file.name}: ${added} added, ${already} already on the list${skipped}.`;
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
      a.download = "do-not-call.csv";
      a.click();
      URL.revokeObjectURL(url);
      return `Exported ${all.length} number(s).`;
    });

  return (
    <section className="card wide" aria-label="Do-not-call list" data-testid="dnc-panel">
      <div className="card-head">
        <h2>Do-not-call list</h2>
        <div className="filters">
          <label className="file-button">
            Import CSV
            <input type="file" accept=".csv,text/csv" hidden onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])} data-testid="dnc-import" />
          </label>
          <button className="secondary" onClick={exportAll} disabled={busy}>
            Export CSV
          </button>
        </div>
      </div>
      <div className="filters">
        <input placeholder="Numbers (E.164), one per line or comma" value={phones} onChange={(e) => setPhones(e.target.value)} aria-label="Numbers to add" data-testid="dnc-phones" />
        <input placeholder="Reason (optional)" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} aria-label="Reason" data-testid="dnc-reason" />
        <button onClick={add} disabled={busy} data-testid="dnc-add">
          Add
        </button>
        <input type="search" placeholder="Search: +1212… or digits" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search the list" data-testid="dnc-search" />
      </div>
      {message && <div className="banner" data-testid="dnc-message">{message}</div>}
      {error && <div className="banner error">{error}</div>}
      {items.length === 0 ? (
        <p className="empty">{q ? `No listed number matches "${q}".` : "No number is on the list."}</p>
      ) : (
        <table className="table" data-testid="dnc-table">
          <thead>
            <tr>
              <th>Number</th>
              <th>Reason</th>
              <th>Added</th>
              <th>By</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.phone}>
                <td className="mono">{e.phone}</td>
                <td>{e.reason ?? <span className="muted">-</span>}</td>
                <td>{dateTime(e.addedAt)}</td>
                <td className="muted">{e.addedBy}</td>
                <td>
                  <button className="ghost" onClick={() => remove(e.phone)} disabled={busy} aria-label={`Remove ${e.phone}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button className="ghost" onClick={() => load(q, next)}>
          Show more
        </button>
      )}
    </section>
  );
}
