/**
 * The worker isolate's short-lived copy of who is enrolled: the active admins (checked on every
 * admin request, so a removed admin's token stops working) and the Aircall users with an agent
 * (webhooks about anyone else never reach a Durable Object). At most ROSTER_TTL_MS old; the
 * routes that change the team forget it at once in their own isolate.
 */
import { directory } from "../lib/stubs";

export const ROSTER_TTL_MS = 3_000;

export type RosterData = { admins: string[]; aircallUserIds: string[] };
type Roster = { at: number; admins: Set<string>; users: Set<string> };

let cached: Roster | null = null;
let loading: Promise<Roster> | null = null;
let generation = 0;

async function load(env: Env): Promise<Roster> {
  const data = await directory(env).roster();
  return { at: Date.now(), admins: new Set(data.admins), users: new Set(data.aircallUserIds) };
}

export async function roster(env: Env, now = Date.now()): Promise<Roster> {
  if (cached && now - cached.at < ROSTER_TTL_MS) return cached;
  if (!loading) {
    const gen = generation;
    loading = load(env).then(
      (r) => {
        if (gen === generation) {
          cached = r; // not if the team changed while this was loading
          loading = null;
        }
        return r;
      },
      (err: unknown) => {
        if (gen === generation) loading = null;
        throw err;
      },
    );
  }
  return loading;
}

/** The team changed here: read it again on next use. */
export function forgetRoster() {
  generation++;
  cached = null;
  loading = null;
}

export const isActiveAdmin = async (env: Env, agentId: string) => (await roster(env)).admins.has(agentId);
export const isEnrolledUser = async (env: Env, aircallUserId: string) => (await roster(env)).users.has(aircallUserId);

/**
 * A copy this old may still answer a webhook while a fresh one loads (never an admin check). A
 * removed agent's Durable Object refuses the event itself; a new agent waits for the reload, as
 * with the strict check.
 */
export const ROSTER_STALE_MAX_MS = 30_000;

/**
 * The webhook route's enrolled check. Past ROSTER_TTL_MS it answers from the last copy (up to
 * ROSTER_STALE_MAX_MS old) and reloads in the background, so deliveries do not queue behind the
 * Directory's other work every few seconds.
 */
export async function isEnrolledUserForWebhook(env: Env, aircallUserId: string, waitUntil: (p: Promise<unknown>) => void, now = Date.now()): Promise<boolean> {
  const last = cached;
  if (last && now - last.at < ROSTER_STALE_MAX_MS) {
    if (now - last.at >= ROSTER_TTL_MS && !loading) waitUntil(roster(env, now).catch((err: Error) => console.error("roster reload failed", err.message)));
    return last.users.has(aircallUserId);
  }
  return (await roster(env, now)).users.has(aircallUserId);
}
