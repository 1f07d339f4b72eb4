/**
 * POST /v1/users/:id/calls: start an outbound call. Success is 204 with an EMPTY body (no call
 * id, as on the real API); the call then plays asynchronously. Queued start-call faults are
 * applied first, one per request.
 */
import { placeCall } from "./call-player";
import { appError, badRequest, intParam, notFound, type Ctx, type Reply } from "./http";
import { isRecord } from "./json";
import { isE164 } from "./phone";
import type { Router } from "./router";
import type { StartCallFault } from "./types";
import { isAvailable } from "./user-availability";

export function registerStartCallRoute(r: Router): void {
  r.post("/v1/users/:id/calls", async (ctx) => {
    const fault = ctx.s.faults.nextStartCall() ?? drawnStartCallFault(ctx);
    return fault ? withFault(ctx, fault) : startCall(ctx, true);
  });
}

/** Validate; place the call only when `place` (and everything is valid). */
function startCall(ctx: Ctx, place: boolean): Reply {
  const userId = intParam(ctx.params.id);
  const user = userId === undefined ? undefined : ctx.s.users.get(userId);
  if (!user) return notFound("User not found");
  const body = isRecord(ctx.body) ? ctx.body : {};
  const numberId = body.number_id;
  if (typeof numberId !== "number" || !Number.isSafeInteger(numberId) || numberId <= 0) {
    return badRequest("number_id is missing or invalid: it must be the integer id of a Number");
  }
  if (!isE164(body.to)) {
    return badRequest("to is missing or invalid: it must be a phone number in E.164 format, e.g. +18001231234");
  }
  if (!ctx.s.numbers.has(numberId) || !user.numberIds.includes(numberId)) {
    return badRequest("User is not assigned to this Number");
  }
  if (!isAvailable(user)) return appError(405, "Method Not Allowed", "User not available");
  if (place) placeCall(ctx.s, user, numberId, body.to);
  return { status: 204 };
}

async function withFault(ctx: Ctx, fault: StartCallFault): Promise<Reply> {
  const status = fault.status ?? (fault.timeout ? 504 : 204);
  const place = fault.placeCall ?? status === 204;
  const placed = startCall(ctx, place);
  const delayMs = fault.delayMs ?? (fault.timeout ? ctx.s.options.startTimeoutMs : 0);
  if (delayMs) await sleep(delayMs, ctx.s.signal);
  if (status === 204) return placed.status === 204 ? { status: 204 } : placed;
  return faultReply(status);
}

const SERVER_ERRORS = [500, 502, 503, 504] as const;

/** A start-call fault drawn from options.faultRates (one draw per request when any rate is set). */
function drawnStartCallFault(ctx: Ctx): StartCallFault | undefined {
  const r = ctx.s.options.faultRates;
  const rates = [r.start5xxPlaced, r.start5xxNotPlaced, r.startTimeoutPlaced, r.startTimeoutNotPlaced].map((p) => p ?? 0);
  if (rates.every((p) => p <= 0)) return undefined;
  const rng = ctx.s.rng;
  let x = rng.next();
  const kind = rates.findIndex((p) => (x -= p) < 0);
  if (kind < 0) return undefined;
  const placeCall = kind === 0 || kind === 2;
  if (kind <= 1) return { status: SERVER_ERRORS[rng.upTo(SERVER_ERRORS.length - 1)] ?? 500, placeCall };
  return { timeout: true, placeCall };
}

function faultReply(status: number): Reply {
  switch (status) {
    case 400:
      return badRequest("Invalid request (simulated fault)");
    case 405:
      return appError(405, "Method Not Allowed", "User not available");
    case 429:
      return { ...appError(429, "Too Many Requests", "Rate limit reached, retry after X-AircallApi-Reset"), rateLimited: true };
    case 500:
      return appError(500, "Internal Server Error", "An unexpected error occurred, please retry later");
    case 502:
      return { status, body: { message: "Bad Gateway" } };
    case 503:
      return { status, body: { message: "Service Unavailable" } };
    case 504:
      return { status, body: { message: "Endpoint request timed out" } };
    default:
      return appError(status, "Error", `Simulated fault ${status}`);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    signal.addEventListener("abort", stop, { once: true });
  });
}
