/**
 * Delivers webhook events: to the configured webhookUrl (with webhookToken) and to every active
 * registered webhook subscribed to the event (with its own token). Each delivery is one POST with
 * a 5-second timeout; failures (non-2xx or timeout) are retried with doubling backoff. A
 * registered webhook is disabled after DISABLE_AFTER_FAILURES failed deliveries in a row.
 */
import { DISABLE_AFTER_FAILURES } from "./event-names";
import { toJson } from "./json";
import { hrNow, unixSeconds, type SentEventRecord, type WebhookRecord } from "./records";
import type { SimState } from "./state";

export interface WebhookTarget {
  url: string;
  token: string;
  webhook?: WebhookRecord;
}

/** Payload of the emitter's "webhook" event, one per delivery attempt. */
export interface WebhookDeliveryEvent {
  event: string;
  url: string;
  attempt: number;
  ok: boolean;
  status: number | null;
  error: string | null;
  /** High-resolution epoch ms when the POST was sent and when it finished. */
  sentAt: number;
  finishedAt: number;
  body: string;
}

export function targetsFor(s: SimState, event: string): WebhookTarget[] {
  const targets: WebhookTarget[] = [];
  if (s.options.webhookUrl) targets.push({ url: s.options.webhookUrl, token: s.options.webhookToken });
  for (const w of s.webhooks) {
    if (w.active && w.events.includes(event)) targets.push({ url: w.url, token: w.token, webhook: w });
  }
  return targets;
}

/** Build the envelope for each target and send it. Returns the record of the event. */
export function dispatch(
  s: SimState,
  resource: string,
  event: string,
  data: Record<string, unknown>,
  ids: { callId?: string; userId?: number } = {},
  /** Send this long after generating it (the payload is the data as it was now). */
  delayMs = 0,
): SentEventRecord {
  const record: SentEventRecord = { event, ...ids, at: Date.now(), deliveries: [], ...(delayMs > 0 ? { delayedMs: delayMs } : {}) };
  s.eventLog.push(record);
  if (s.eventLog.length > 2000) s.eventLog.shift();
  const timestamp = unixSeconds();
  const send = (): void => {
    for (const target of targetsFor(s, event)) {
      const body = toJson({ resource, event, timestamp, token: target.token, data });
      void deliver(s, target, event, body, record, 1);
    }
  };
  if (delayMs > 0) s.schedule(delayMs, send);
  else send();
  return record;
}

const HEADERS = {
  "content-type": "application/json",
  "user-agent": "axios/1.7.9",
  "aircall-origin": "webhooks",
};

async function deliver(
  s: SimState,
  target: WebhookTarget,
  event: string,
  body: string,
  record: SentEventRecord,
  attempt: number,
): Promise<void> {
  const stopped = s.signal;
  const sentAt = hrNow();
  const outage = target.webhook !== undefined && Date.now() < s.webhookOutageUntil;
  const { status, error } = outage
    ? { status: null, error: "simulated delivery failure (webhook outage)" }
    : await post(s, target.url, body, stopped);
  if (stopped.aborted) return; // the simulator was reset or closed: this delivery no longer counts
  const ok = status !== null && status >= 200 && status < 300;
  record.deliveries.push({ url: target.url, attempt, status, error, at: Date.now() });
  s.counters.webhookDeliveries += 1;
  if (!ok) s.counters.webhookFailures += 1;
  const payload: WebhookDeliveryEvent = { event, url: target.url, attempt, ok, status, error, sentAt, finishedAt: hrNow(), body };
  s.emitter.emit("webhook", payload);
  if (ok) {
    if (target.webhook) target.webhook.consecutiveFailures = 0;
    return;
  }
  if (target.webhook) {
    target.webhook.consecutiveFailures += 1;
    if (target.webhook.consecutiveFailures >= DISABLE_AFTER_FAILURES) target.webhook.active = false;
    if (!target.webhook.active) return;
  }
  if (attempt > s.options.webhookRetries) return;
  const backoff = s.options.webhookRetryBaseMs * 2 ** (attempt - 1);
  s.schedule(backoff, () => void deliver(s, target, event, body, record, attempt + 1));
}

async function post(s: SimState, url: string, body: string, stopped: AbortSignal): Promise<{ status: number | null; error: string | null }> {
  try {
    const signal = AbortSignal.any([stopped, AbortSignal.timeout(s.options.webhookTimeoutMs)]);
    const res = await fetch(url, { method: "POST", headers: HEADERS, body, signal });
    await res.arrayBuffer();
    return { status: res.status, error: null };
  } catch (err) {
    return { status: null, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}
