/**
 * The wrap-up choices agents pick from after each call (keys 1–9 in the order shown): label, what it
 * means (kind), the Aircall tag written on the call (default: the label), and when to try the number
 * again. Saved as a whole; the worker checks it and keeps the previous list when it refuses.
 */
import { DEFAULT_DISPOSITIONS, DISPOSITION_KINDS, type Disposition, type DispositionKind } from "@dialer/shared";
import { defaultDispositionLabel, type Locale } from "@dialer/shared/i18n";
import { useEffect, useState } from "react";
import { dispositionsApi } from "./dispositions-api";
import { errorText, Problem } from "./errors";
import { count, NONE } from "./format";
import { useT } from "./i18n";

type Row = { id: string; label: string; kind: DispositionKind; tag: string; after: string; attempts: string };

const toRow = (d: Disposition): Row => ({ id: d.id, label: d.label, kind: d.kind, tag: d.tag ?? "", after: d.retry ? String(d.retry.afterMinutes) : "", attempts: d.retry ? String(d.retry.maxAttempts) : "" });

/** The default set with its labels in the admin's language (they become the calls' Aircall tags). */
export function defaultRows(locale: Locale): Row[] {
  return DEFAULT_DISPOSITIONS.map((d) => toRow({ ...d, label: defaultDispositionLabel(d.id, locale) ?? d.label }));
}

/** The rows as the API takes them, or the first problem found. */
export function toDispositions(rows: Row[]): { ok: true; list: Disposition[] } | { ok: false; error: Problem } {
  const list: Disposition[] = [];
  for (const [i, r] of rows.entries()) {
    const at = { row: i + 1 };
    if (!/^[a-z0-9_-]{1,32}$/.test(r.id)) return { ok: false, error: new Problem("dispositions.badId", at) };
    if (!r.label.trim()) return { ok: false, error: new Problem("dispositions.noLabel", at) };
    if ((r.after === "") !== (r.attempts === "")) return { ok: false, error: new Problem("dispositions.retryPair", at) };
    const retry = r.after === "" ? undefined : { afterMinutes: Number(r.after), maxAttempts: Number(r.attempts) };
    if (retry && (!Number.isInteger(retry.afterMinutes) || retry.afterMinutes < 1 || !Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1))
      return { ok: false, error: new Problem("dispositions.retryWhole", at) };
    list.push({ id: r.id, label: r.label.trim(), kind: r.kind, ...(r.tag.trim() ? { tag: r.tag.trim() } : {}), ...(retry ? { retry } : {}) });
  }
  if (new Set(list.map((d) => d.id)).size !== list.length) return { ok: false, error: new Problem("dispositions.sameId") };
  if (list.length === 0) return { ok: false, error: new Problem("dispositions.keepOne") };
  return { ok: true, list };
}

export function DispositionsPanel() {
  const { t, locale } = useT();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dispositionsApi.get().then((r) => setRows(r.dispositions.map(toRow)), (e: unknown) => setError(e));
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
      setSaved(r.dispositions.length);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card wide" aria-label={t("dispositions.title")} data-testid="dispositions-panel">
      <div className="card-head">
        <h2>{t("dispositions.title")}</h2>
        <span className="muted">{t("dispositions.intro")}</span>
      </div>
      {rows === null ? (
        <p className="muted">{error !== null ? errorText(t, error) : t("common.loading")}</p>
      ) : (
        <>
          <table className="table dispositions">
            <thead>
              <tr>
                <th>{t("dispositions.col.key")}</th><th>{t("dispositions.col.id")}</th><th>{t("dispositions.col.label")}</th><th>{t("dispositions.col.means")}</th>
                <th>{t("dispositions.col.tag")}</th><th>{t("dispositions.col.after")}</th><th>{t("dispositions.col.attempts")}</th><th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-testid="disposition-row">
                  <td className="num">{i < 9 ? count(locale, i + 1) : NONE}</td>
                  <td><input aria-label={t("dispositions.col.id")} value={r.id} size={12} onChange={(e) => edit(i, { id: e.target.value })} data-testid="disposition-id" /></td>
                  <td><input aria-label={t("dispositions.col.label")} value={r.label} size={16} maxLength={40} onChange={(e) => edit(i, { label: e.target.value })} data-testid="disposition-label" /></td>
                  <td>
                    <select aria-label={t("dispositions.kind")} value={r.kind} onChange={(e) => edit(i, { kind: e.target.value as DispositionKind })} data-testid="disposition-kind">
                      {DISPOSITION_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
                    </select>
                  </td>
                  <td><input aria-label={t("dispositions.col.tag")} placeholder={r.label} value={r.tag} size={14} maxLength={40} onChange={(e) => edit(i, { tag: e.target.value })} /></td>
                  <td><input aria-label={t("dispositions.afterLabel")} inputMode="numeric" value={r.after} size={5} onChange={(e) => edit(i, { after: e.target.value.trim() })} /></td>
                  <td><input aria-label={t("dispositions.col.attempts")} inputMode="numeric" value={r.attempts} size={3} onChange={(e) => edit(i, { attempts: e.target.value.trim() })} /></td>
                  <td className="row-actions">
                    <button className="ghost" title={t("dispositions.moveUp")} aria-label={t("dispositions.moveUp")} onClick={() => move(i, -1)}>↑</button>
                    <button className="ghost" title={t("dispositions.moveDown")} aria-label={t("dispositions.moveDown")} onClick={() => move(i, 1)}>↓</button>
                    <button className="ghost" title={t("common.remove")} aria-label={t("common.remove")} onClick={() => setRows(rows.filter((_, j) => j !== i))} data-testid="disposition-remove">✕</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions-row">
            <button className="secondary" onClick={() => setRows([...rows, { id: "", label: "", kind: "connected", tag: "", after: "", attempts: "" }])} data-testid="disposition-add">
              {t("common.add")}
            </button>
            <button className="secondary" onClick={() => setRows(defaultRows(locale))} data-testid="dispositions-defaults">{t("dispositions.defaults")}</button>
            <button disabled={busy} onClick={() => void save(rows)} data-testid="dispositions-save">
              {busy ? t("common.saving") : t("common.save")}
            </button>
          </div>
        </>
      )}
      {saved !== null && error === null && <p className="fine" data-testid="dispositions-message">{t("dispositions.saved", { count: saved })}</p>}
      {error !== null && rows !== null && <div className="banner error" role="alert" data-testid="dispositions-error">{errorText(t, error)}</div>}
    </section>
  );
}
