/**
 * The do-not-call list as CSV, pure (the CLI and the dashboard use it): `phone,reason,added_at,added_by`
 * out, with formula cells neutralised (a whole E.164 cell stays as it is); `phone[,reason]` in, the
 * numbers written in E.164 (spaces, dashes, dots and brackets are dropped, "00" becomes "+").
 */
import type { DncEntry } from "@dialer/shared";
import { csvField } from "../directory/history-csv";

const E164 = /^\+[1-9]\d{6,14}$/;

export function dncCsv(entries: DncEntry[], header = true): string {
  const lines = entries.map((e) => [e.phone, e.reason, e.addedAt, e.addedBy].map(csvField).join(","));
  return (header ? ["phone,reason,added_at,added_by", ...lines] : lines).join("\r\n") + (lines.length || header ? "\r\n" : "");
}

/** "+1 (212) 555-0143" → "+12125550143"; "0033142685300" → "+33142685300"; null when it is not E.164 then. */
export function toE164(value: string): string | null {
  let v = value.trim().replace(/^'/, "").replace(/[\s().\-\u00a0]/g, "");
  if (v.startsWith("00")) v = `+${v.slice(2)}`;
  return E164.test(v) ? v : null;
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += ch;
  }
  if (field !== "" || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

export type DncImport = { rows: { phone: string; reason: string | null; line: number }[]; invalid: { line: number; value: string }[] };

/** Reads `phone[,reason]` rows; a first row naming a "phone" column is a header (its "reason" column is used). */
export function parseDncCsv(text: string): DncImport {
  const all = csvRows(text);
  let phoneCol = 0;
  let reasonCol = 1;
  let start = 0;
  const head = all[0]?.map((c) => c.trim().toLowerCase());
  if (head && head.some((c) => c.includes("phone") || c === "number") && !head.some((c) => toE164(c))) {
    phoneCol = head.findIndex((c) => c.includes("phone") || c === "number");
    reasonCol = head.findIndex((c) => c === "reason");
    start = 1;
  }
  const out: DncImport = { rows: [], invalid: [] };
  for (let i = start; i < all.length; i++) {
    const cells = all[i]!;
    const raw = cells[phoneCol] ?? "";
    const phone = toE164(raw);
    const reasonRaw = reasonCol >= 0 ? (cells[reasonCol] ?? "").trim().replace(/^'(?=[=+\-@\t\r])/, "") : "";
    if (phone) out.rows.push({ phone, reason: reasonRaw ? reasonRaw.slice(0, 200) : null, line: i + 1 });
    else out.invalid.push({ line: i + 1, value: raw.slice(0, 40) });
  }
  return out;
}
