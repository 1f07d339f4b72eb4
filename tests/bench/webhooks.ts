/** Realistic Aircall webhook bodies for the ingest benchmark (what the simulator would send). */
import { LOCAL } from "../system/start-system";

const unix = () => Math.floor(Date.now() / 1000);

export function display(e164: string): string {
  const d = e164.replace(/\D/g, "");
  return `+1 ${d.slice(1, 4)}-${d.slice(4, 7)}-${d.slice(7)}`;
}

export type CallSpec = { id: string; userId: number; numberId: number; to: string; startedAt: number; answeredAt?: number; endedAt?: number };

function userShort(userId: number) {
  return `{"id":${userId},"direct_link":"https://api.aircall.io/v1/users/${userId}","name":"Bench Agent ${userId}","email":"agent${userId}@example.com","available":true,"availability_status":"available","created_at":"2024-01-15T09:30:00.000Z","time_zone":"America/New_York","language":"en-US"}`;
}

/** A call event body; the id is written as a bare 64-bit integer literal, as Aircall does. */
export function callEvent(event: string, c: CallSpec, token = LOCAL.webhookToken): string {
  const status = c.endedAt ? "done" : c.answeredAt ? "answered" : "initial";
  const ended = event === "call.ended";
  const data =
    `{"id":${c.id},"direct_link":"https://api.aircall.io/v1/calls/${c.id}","direction":"outbound","status":"${status}","missed_call_reason":null,` +
    `"started_at":${c.startedAt},"answered_at":${c.answeredAt ?? null},"ended_at":${c.endedAt ?? null},"duration":${c.endedAt ? c.endedAt - c.startedAt : 0},` +
    `"cost":"0","voicemail":null,"recording":${ended && c.answeredAt ? `"https://example.com/rec/${c.id}.mp3"` : null},"asset":null,"raw_digits":"${display(c.to)}",` +
    `"user":${userShort(c.userId)},"contact":null,"archived":false,"assigned_to":null,"transferred_by":null,"transferred_to":null,"teams":[],"comments":[],"tags":[],` +
    `"call_uuid":"CA${c.id}","hangup_cause":null,"participants":[{"type":"external","phone_number":"${display(c.to)}"},{"type":"user","id":${c.userId},"name":"Bench Agent"}],` +
    `"number":{"id":${c.numberId},"direct_link":"https://api.aircall.io/v1/numbers/${c.numberId}","name":"Line","digits":"+1 555-010-0000","created_at":"2024-01-15T09:30:00.000Z","country":"US","time_zone":"America/New_York","open":true,"availability_status":"open","is_ivr":false,"live_recording_activated":true,"priority":null,"messages":{},"e164_digits":"+15550100000"}}`;
  return `{"resource":"call","event":"${event}","timestamp":${unix()},"token":"${token}","data":${data}}`;
}

/** A user event body (`data` is the user); `timestamp` makes each delivery distinct. */
export function userEvent(event: string, userId: number, timestamp: number, availability = "available", token = LOCAL.webhookToken): string {
  const data = `{"id":${userId},"direct_link":"https://api.aircall.io/v1/users/${userId}","name":"Bench Agent ${userId}","email":"agent${userId}@example.com","available":${availability === "available"},"availability_status":"${availability}","substatus":null,"created_at":"2024-01-15T09:30:00.000Z","time_zone":"America/New_York","language":"en-US","wrap_up_time":0}`;
  return `{"resource":"user","event":"${event}","timestamp":${timestamp},"token":"${token}","data":${data}}`;
}

export { unix };
