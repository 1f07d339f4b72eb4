/**
 * Users (V2 without numbers, by id or email, numbers paginated separately; the retired V1 reads
 * only when switched on), availabilities and numbers.
 */
import { badRequest, gatewayError, intParam, notFound, type Ctx, type Reply } from "./http";
import { isRecord } from "./json";
import { paginate } from "./pagination";
import { availabilityOf, type UserRecord } from "./records";
import type { Router } from "./router";
import { availabilityRow, numberObject, userNumbers, userObject } from "./serialize";
import { setAvailability } from "./user-availability";

function usersInOrder(ctx: Ctx): UserRecord[] {
  const users = [...ctx.s.users.values()].sort((a, b) => a.id - b.id);
  return ctx.query.get("order") === "desc" ? users.reverse() : users;
}

function findUser(ctx: Ctx): UserRecord | undefined {
  const key = ctx.params.id ?? "";
  const id = intParam(key);
  if (id !== undefined) return ctx.s.users.get(id);
  const email = key.toLowerCase();
  return [...ctx.s.users.values()].find((u) => u.email.toLowerCase() === email);
}

const userNotFound = (): Reply => notFound("User not found");

declare module "./types" {
  interface SimOptions {
    /**
     * Serve the V1 user list and read (GET /v1/users, GET /v1/users/:id), which Aircall retired on
     * 2026-09-30. Default false: they answer 404 like any unknown route. Availability and
     * start-call stay V1 either way. Can be switched live (sim.options.v1UserReads = true).
     */
    v1UserReads?: boolean;
  }
}

/** The 404 of a retired V1 user read, unless the old behaviour is switched on. */
const v1Retired = (ctx: Ctx): Reply | undefined => (ctx.s.options.v1UserReads ? undefined : gatewayError(404));

/** PUT /v1|v2/users/:id: only `availability_status` (available | custom | unavailable) is modelled. */
function updateUser(version: "v1" | "v2") {
  return (ctx: Ctx): Reply => {
    const u = findUser(ctx);
    if (!u) return userNotFound();
    const status = isRecord(ctx.body) ? ctx.body.availability_status : undefined;
    if (status !== undefined) {
      if (status !== "available" && status !== "custom" && status !== "unavailable") {
        return badRequest("availability_status must be available, custom or unavailable");
      }
      if (status === "unavailable" || !u.open) setAvailability(ctx.s, u, status === "unavailable" ? "do_not_disturb" : "available");
    }
    return { status: 200, body: { user: userObject(ctx.s, u, version) } };
  };
}

export function registerUserRoutes(r: Router): void {
  r.get("/v1/users/availabilities", (ctx) => paginate(ctx, "users", usersInOrder(ctx).map(availabilityRow)));
  r.get("/v1/users", (ctx) => v1Retired(ctx) ?? paginate(ctx, "users", usersInOrder(ctx).map((u) => userObject(ctx.s, u, "v1"))));
  r.get("/v1/users/:id", (ctx) => {
    const retired = v1Retired(ctx);
    if (retired) return retired;
    const id = intParam(ctx.params.id);
    const u = id === undefined ? undefined : ctx.s.users.get(id);
    return u ? { status: 200, body: { user: userObject(ctx.s, u, "v1") } } : userNotFound();
  });
  r.get("/v1/users/:id/availability", (ctx) => {
    const id = intParam(ctx.params.id);
    const u = id === undefined ? undefined : ctx.s.users.get(id);
    return u ? { status: 200, body: { availability: availabilityOf(u) } } : userNotFound();
  });
  r.put("/v1/users/:id", updateUser("v1"));
  r.put("/v2/users/:id", updateUser("v2"));
  r.get("/v2/users", (ctx) => paginate(ctx, "users", usersInOrder(ctx).map((u) => userObject(ctx.s, u, "v2"))));
  r.get("/v2/users/:id", (ctx) => {
    const u = findUser(ctx);
    return u ? { status: 200, body: { user: userObject(ctx.s, u, "v2") } } : userNotFound();
  });
  r.get("/v2/users/:id/numbers", (ctx) => {
    const u = findUser(ctx);
    if (!u) return userNotFound();
    const rows = userNumbers(ctx.s, u).map((n) => ({ ...numberObject(ctx.s, n), flow_editor_enabled: true }));
    return paginate(ctx, "numbers", rows);
  });
  r.get("/v1/numbers", (ctx) => {
    const numbers = [...ctx.s.numbers.values()].sort((a, b) => a.id - b.id);
    if (ctx.query.get("order") === "desc") numbers.reverse();
    return paginate(ctx, "numbers", numbers.map((n) => numberObject(ctx.s, n, true)));
  });
  r.get("/v1/numbers/:id", (ctx) => {
    const id = intParam(ctx.params.id);
    const n = id === undefined ? undefined : ctx.s.numbers.get(id);
    return n ? { status: 200, body: { number: numberObject(ctx.s, n, true) } } : notFound("Number not found");
  });
  r.get("/v1/tags", (ctx) => paginate(ctx, "tags", ctx.s.tags));
}
