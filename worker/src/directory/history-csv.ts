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
];

/**
 * One CSV field (RFC 4180 quoting). Text a spreadsheet would run as a formula gets a leading
 * apostrophe; phone numbers like +14155550101 are left alone.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=@\t\r]/.test(text) || /^[+-][^\d\s]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function historyCsv(rows: AdminHistoryRow[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const row of rows) lines.push(COLUMNS.map(([, pick]) => csvField(pick(row))).join(","));
  return lines.join("\r\n") + "\r\n";
}
