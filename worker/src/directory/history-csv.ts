import type { AdminHistoryRow } from "@dialer/shared";

const COLUMNS: [string, (r: AdminHistoryRow) => string | number | null | undefined][] = [
  ["agent", (r) => r.agentName ?? r.agentId],
  ["agent_id", (r) => r.agentId],
  ["item_id", (r) => r.itemId],
  ["contact", (r) => r.name],
  ["phone", (r) => r.phone],
  ["outcome", (r) => r.outcome],
  ["started_at", (r) => r.startedAt],
  ["answered_at", (r) => r.answeredAt],
  ["ended_at", (r) => r.endedAt],
  ["duration_seconds", (r) => r.durationSeconds],
  ["talk_seconds", (r) => r.talkSeconds],
  ["call_id", (r) => r.callId],
  ["reason", (r) => r.reason],
  ["recording_url", (r) => r.recordingUrl],
  ["disposition", (r) => r.disposition],
  ["note", (r) => r.note],
  ["callback_at", (r) => r.callbackAt],
  ["retry_at", (r) => r.retryAt],
  ["reason_code", (r) => r.reasonCode],
];

/** A whole cell that is one E.164 number: the only thing starting with "+" that is left alone. */
const E164_CELL = /^\+[1-9]\d{6,14}$/;
/** What spreadsheets (Excel, Sheets, LibreOffice) read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180 quoting). Any text a spreadsheet would run as a formula gets a leading
 * apostrophe, in every column; a cell that is exactly an E.164 number (+14155550101) is left alone.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text) && !E164_CELL.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function historyCsv(rows: AdminHistoryRow[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const row of rows) lines.push(COLUMNS.map(([, pick]) => csvField(pick(row))).join(","));
  return lines.join("\r\n") + "\r\n";
}
