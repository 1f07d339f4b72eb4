/**
 * The wrap-up choices agents pick from after each call (keys 1–9 in the order shown): label, what it
 * means (kind), the Aircall tag written on the call (default: the label), and when to try the number
 * again. Saved as a whole; the worker checks it and keeps the previous list when it refuses.
 */
import { DEFAULT_DISPOSITIONS, DISPOSITION_KINDS, type Disposition, type DispositionKind } from "@dialer/shared";
import { useEffect, useState } from "react";
import { dispositionsApi } from "./dispositions-api";

export const KIND_LABEL: Record<DispositionKind, string> = {
  connected: "Reached a person",
  voicemail: "Voicemail",
  no_answer: "No answer",
  bad_number: "Bad number",
  do_not_call: "Do not call (lists the number)",
  callback: "Callback (asks a time)",
};

type Row = { id: string; label: string; kind: DispositionKind; tag: string; after: string; attempts: string };

const toRow = (d: Disposition): Row => ({ id: d.id, label: d.label, kind: d.kind, tag: d.tag ?? "", after: d.retry ? String(d.retry.afterMinutes) : "", attempts: d.retry ? String(d.retry.maxAttempts) : "" });

/** The rows as the API takes them, or the first problem found. */
export function toDispositions(rows: Row[]): { ok: true; list: Disposition[] } | { ok: false; error: string } {
  const list: Disposition[] = [];
  for (const [i, r] of rows.entries()) {
    const n = `Row ${i + 1}`;
    if (!/^[a-z0-9_-]{1,32}$/.test(r.id)) return { ok: false, error: `${n}: the id must be 1–32 lowercase letters, digits, - or _` };
    if (!r.label.trim()) return { ok: false, error: `${n}: give it a label` };
    if ((r.after === "") !== (r.attempts === "")) return { ok: false, error: `${n}: a retry needs both "after" minutes and a number of attempts` };
    const retry = r.after === "" ? undefined : { afterMinutes: Number(r.after), maxAttempts: Number(r.attempts) };
    if (retry && (!Number.isInteger(retry.afterMinutes) || retry.afterMinutes < 1 || !Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1))
      return { ok: false, error: `${n}: retry minutes and attempts are whole numbers from 1` };
    list.push({ id: r.id, label: r.label.trim(), kind: r.kind, ...(r.tag.trim() ? { tag: r.tag.trim() } : {}), ...(retry ? { retry } : {}) });
  }
  if (new Set(list.map((d) => d.id)).size !== list.length) return { ok: false, error: "Two rows have the same id" };
  if (list.length === 0) return { ok: false, error: "Keep at least one disposition" };
  return { ok: true, list };
}

export function DispositionsPanel() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dispositionsApi.get().then((r) => setRows(r.dispositions.map(toRow)), (e: Error) => setError(e.message));
  }, []);

  const edit = (i: number, patch: Partial<Row>) => setRows((old) => old && old.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) =>
    setRows((old) => {
      if (!old || i + by < 0 || i + by >= old.length) return old;
      const next = [...old];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const save = async (list: Row[]) => {
    const checked = toDispositions(list);
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    try {
      const r = await dispositionsApi.put(checked.list);
      setRows(r.dispositions.map(toRow));
      setMessage(`Saved ${r.dispositions.length} dispositions. Agents see them within 5 minutes.`);
      setError("");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card wide" aria-label="Dispositions" data-testid="dispositions-panel">
      <div className="card-head">
        <h2>Dispositions</h2>
        <span className="muted">What agents pick after each call (keys 1–9, in this order); each one tags the call in Aircall.</span>
      </div>
      {rows === null ? (
        <p className="muted">{error || "Loading…"}</p>
      ) : (
        <>
          <table className="table dispositions">
            <thead>
              <tr>
                <th>Key</th><th>Id</th><th>Label</th><th>Means</th><th>Aircall tag</th><th>Retry after (min)</th><th>Max attempts</th><th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-testid="disposition-row">
                  <td className="num">{i < 9 ? i + 1 : "–"}</td>
                  <td><input aria-label="Id" value={r.id} size={12} onChange={(e) => edit(i, { id: e.target.value })} data-testid="disposition-id" /></td>
                  <td><input aria-label="Label" value={r.label} size={16} maxLength={40} onChange={(e) => edit(i, { label: e.target.value })} data-testid="disposition-label" /></td>
                  <td>
                    <select aria-label="Kind" value={r.kind} onChange={(e) => edit(i, { kind: e.target.value as DispositionKind })} data-testid="disposition-kind">
                      {DISPOSITION_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
                    </select>
                  </td>
                  <td><input aria-label="Aircall tag" placeholder={r.label} value={r.tag} size={14} maxLength={40} onChange={(e) => edit(i, { tag: e.target.value })} /></td>
                  <td><input aria-label="Retry after minutes" inputMode="numeric" value={r.after} size={5} onChange={(e) => edit(i, { after: e.target.value.trim() })} /></td>
                  <td><input aria-label="Max attempts" inputMode="numeric" value={r.attempts} size={3} onChange={(e) => edit(i, { attempts: e.target.value.trim() })} /></td>
                  <td className="row-actions">
                    <button className="ghost" title="Move up" aria-label="Move up" onClick={() => move(i, -1)}>↑</button>
                    <button className="ghost" title="Move down" aria-label="Move down" onClick={() => move(i, 1)}>↓</button>
                    <button className="ghost" title="Remove" aria-label="Remove" onClick={() => setRows(rows.filter((_, j) => j !== i))} data-testid="disposition-remove">✕</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions-row">
            <button className="secondary" onClick={() => setRows([...rows, { id: "", label: "", kind: "connected", tag: "", after: "", attempts: "" }])} data-testid="disposition-add">
              Add
            </button>
            <button className="secondary" onClick={() => setRows(DEFAULT_DISPOSITIONS.map(toRow))}>Default set</button>
            <button disabled={busy} onClick={() => void save(rows)} data-testid="dispositions-save">
              {busy ? "Saving…" : "Save"}
            </button>
          </div>
        </>
      )}
      {message && !error && <p className="fine" data-testid="dispositions-message">{message}</p>}
      {error && <div className="banner error" role="alert" data-testid="dispositions-error">{error}</div>}
    </section>
  );
}
