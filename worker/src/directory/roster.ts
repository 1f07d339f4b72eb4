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

export async function roster(env: Env): Promise<Roster> {
  if (cached && Date.now() - cached.at < ROSTER_TTL_MS) return cached;
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
