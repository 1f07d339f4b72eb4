import { afterEach, describe, expect, it } from "vitest";
import { forgetRoster, isActiveAdmin, isEnrolledUserForWebhook, ROSTER_STALE_MAX_MS, ROSTER_TTL_MS } from "./roster";

/** An Env whose Directory answers roster() from `team` and counts the calls (each held until released). */
function fakeEnv(team: { users: string[] }) {
  const calls: Array<() => void> = [];
  const env = {
    DIRECTORY: {
      idFromName: () => "directory",
      get: () => ({
        roster: () =>
          new Promise((resolve) => {
            const snapshot = { admins: [], aircallUserIds: [...team.users] };
            calls.push(() => resolve(snapshot));
          }),
      }),
    },
  } as unknown as Env;
  const releaseAll = async () => {
    while (calls.length) calls.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { env, calls, releaseAll };
}

const t0 = Date.now();
afterEach(() => forgetRoster());

describe("isEnrolledUserForWebhook", () => {
  it("loads the roster once, then answers from the copy", async () => {
    const { env, calls, releaseAll } = fakeEnv({ users: ["1001"] });
    const waited: Promise<unknown>[] = [];
    const first = isEnrolledUserForWebhook(env, "1001", (p) => waited.push(p), t0);
    expect(calls.length).toBe(1);
    await releaseAll();
    expect(await first).toBe(true);
    expect(await isEnrolledUserForWebhook(env, "1002", (p) => waited.push(p), t0)).toBe(false);
    expect(calls.length).toBe(0);
    expect(waited.length).toBe(0);
  });

  it("past the TTL answers from the last copy without waiting and reloads once in the background", async () => {
    const team = { users: ["1001"] };
    const { env, calls, releaseAll } = fakeEnv(team);
    const first = isEnrolledUserForWebhook(env, "1001", () => {}, Date.now());
    await releaseAll();
    await first;
    team.users = ["1002"]; // 1001 removed, 1002 enrolled meanwhile
    const waited: Promise<unknown>[] = [];
    const later = Date.now() + ROSTER_TTL_MS + 10;
    // Both answered at once from the stale copy; one reload, handed to waitUntil.
    expect(await isEnrolledUserForWebhook(env, "1001", (p) => waited.push(p), later)).toBe(true);
    expect(await isEnrolledUserForWebhook(env, "1002", (p) => waited.push(p), later)).toBe(false);
    expect(calls.length).toBe(1);
    expect(waited.length).toBe(1);
    await releaseAll();
    await waited[0];
    // The reload is the new copy.
    expect(await isEnrolledUserForWebhook(env, "1002", () => {}, Date.now())).toBe(true);
    expect(await isEnrolledUserForWebhook(env, "1001", () => {}, Date.now())).toBe(false);
  });

  it("a copy older than ROSTER_STALE_MAX_MS is never used: the lookup waits for the reload", async () => {
    const team = { users: ["1001"] };
    const { env, calls, releaseAll } = fakeEnv(team);
    const first = isEnrolledUserForWebhook(env, "1001", () => {}, Date.now());
    await releaseAll();
    await first;
    team.users = [];
    const answer = isEnrolledUserForWebhook(env, "1001", () => {}, Date.now() + ROSTER_STALE_MAX_MS + 10);
    expect(calls.length).toBe(1);
    await releaseAll();
    expect(await answer).toBe(false);
  });

  it("admin checks never use a stale copy", async () => {
    const { env, calls, releaseAll } = fakeEnv({ users: [] });
    const first = isEnrolledUserForWebhook(env, "1001", () => {}, Date.now());
    await releaseAll();
    await first;
    forgetRoster();
    const admin = isActiveAdmin(env, "a1");
    expect(calls.length).toBe(1);
    await releaseAll();
    expect(await admin).toBe(false);
  });
});
