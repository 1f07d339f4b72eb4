/**
 * The one message protocol between content scripts, popup/options and the background service
 * worker. Plain TypeScript types here (content scripts must not pull zod in); the background
 * validates what it receives with the zod schemas in `messages.schema.ts`.
 */
import type { DialerState } from "@dialer/shared";

/** A number found on a page, with what the CRM adapter knows about its contact. */
export type CapturedNumber = {
  phone: string; // E.164
  name?: string;
  company?: string;
  sourceUrl?: string; // the record's URL in the CRM
  crm?: string; // adapter id: hubspot, salesforce, pipedrive, zoho, close, attio, generic
};

/** Requests sent with chrome.runtime.sendMessage, and what each answers. */
export type RequestMap = {
  "queue.add": { req: { items: CapturedNumber[] }; res: { added: number; phones: string[] } };
  "queue.phones": { req: Record<string, never>; res: { phones: string[] } };
  "dialer.command": {
    req: { command: "pause" | "resume" | "skip" | "stop" };
    res: { ok: boolean; error?: string };
  };
  "dialer.snapshot": { req: Record<string, never>; res: DialerView };
};
export type RequestType = keyof RequestMap;
export type Request<T extends RequestType = RequestType> = { type: T } & RequestMap[T]["req"];
export type Response<T extends RequestType> = RequestMap[T]["res"];

/** What the in-page bar and popup show about a run. */
export type DialerView = {
  signedIn: boolean;
  state: DialerState | null;
  current?: { name?: string; phone: string } | null;
  next?: { name?: string; phone: string } | null;
};

/** Broadcasts from the background to content scripts (chrome.tabs.sendMessage). */
export type Broadcast =
  | { type: "queue.changed"; phones: string[] }
  | { type: "dialer.view"; view: DialerView };
