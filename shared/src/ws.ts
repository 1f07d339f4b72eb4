import * as z from "zod";
import { Outcome } from "./api";
import { DialerState } from "./state";

export const StateMessage = z.object({ type: z.literal("state"), state: DialerState });
export const CallEndedMessage = z.object({
  type: z.literal("call.ended"),
  itemId: z.string(),
  callId: z.string().nullable(),
  outcome: Outcome,
  nextDialAt: z.iso.datetime({ offset: true }).optional(),
  /** why it ended so (e.g. outside_calling_hours: keep the number for a later run) */
  reasonCode: z.string().optional(),
  /** when the number may be dialed again */
  retryAt: z.iso.datetime({ offset: true }).optional(),
});
export const PongMessage = z.object({ type: z.literal("pong") });

/** Server → extension. */
export const ServerMessage = z.discriminatedUnion("type", [StateMessage, CallEndedMessage, PongMessage]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type CallEndedMessage = z.infer<typeof CallEndedMessage>;

/** Extension → server: only keep-alive; everything else goes through the HTTP API. */
export const PING = '{"type":"ping"}';
export const PONG = '{"type":"pong"}';
