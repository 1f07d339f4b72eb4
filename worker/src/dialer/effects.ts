/** The effects that talk to Aircall. Each answers with the event to feed back to the machine. */
import { digitsOnly } from "@dialer/shared";
import type { AircallApi } from "../aircall/api";
import { MATCH_SKEW_MS } from "./dialer-machine";
import type { Effect, MachineEvent } from "./machine-types";
import { toCallInfo } from "./webhook-event";

type AgentRef = { aircallUserId: number; numberId: number };

/** `stillWanted(dialId)`: whether the run still wants this dial sent (asked after a rate-limit wait). */
export async function runEffect(api: AircallApi, agent: AgentRef, effect: Effect, stillWanted: (dialId: number) => boolean = () => true): Promise<MachineEvent | null> {
  try {
    switch (effect.type) {
      case "dial": {
        const result = await api.startCall(agent.aircallUserId, agent.numberId, effect.phone, () => stillWanted(effect.dialId));
        if (result.kind !== "sent" && result.kind !== "cancelled") console.warn(`start call ${effect.dialId}: ${result.kind} ${result.message}`);
        return { type: "dial.result", dialId: effect.dialId, result, now: Date.now() };
      }
      case "lookup.dial": {
        const calls = await api.findOutboundCalls(agent.aircallUserId, effect.phone, effect.sentAt - MATCH_SKEW_MS);
        const match = calls
          .map(toCallInfo)
          .find((c) => c.digits === digitsOnly(effect.phone) && (c.startedAt === null || c.startedAt >= effect.sentAt - MATCH_SKEW_MS));
        return { type: "lookup.result", dialId: effect.dialId, call: match ?? null, now: Date.now() };
      }
      case "lookup.call": {
        const call = await api.getCall(effect.callId);
        if (!call) {
          // Aircall no longer knows the call: close it with what we have.
          const gone = { id: effect.callId, direction: "outbound", digits: "", startedAt: null, answeredAt: null, endedAt: Date.now(), duration: null, recording: null };
          return { type: "call", event: "call.hungup", call: gone, now: Date.now() };
        }
        const info = toCallInfo(call);
        const event = info.endedAt ? "call.hungup" : info.answeredAt ? "call.answered" : "call.created";
        return { type: "call", event, call: info, now: Date.now() };
      }
      case "check.availability": {
        const availability = await api.getAvailability(agent.aircallUserId);
        return { type: "availability", availability, now: Date.now() };
      }
      default:
        return null;
    }
  } catch (err) {
    // A failed lookup is tried again by the watchdog; nothing is dialed on a guess.
    console.warn(`aircall ${effect.type} failed: ${(err as Error).message}`);
    return null;
  }
}
