/**
 * Nightly retention (Cron Trigger, wrangler.jsonc `triggers.crons`): the Directory deletes old
 * audit rows and expired codes, tickets and refresh tokens, then every agent's dialer deletes its
 * history older than the admin setting (13 months by default), old webhook dedupe keys and expired
 * tickets. A run in progress keeps all its rows.
 */
import { directory, dialerFor } from "../lib/stubs";

/** `months` calendar months before `now`, in ms. */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

export type CleanupSummary = {
  retentionMonths: number;
  directory: { audit: number; codes: number; refreshTokens: number; adminTickets: number };
  agents: number;
  history: number;
  inbox: number;
  tickets: number;
  failedAgents: number[];
};

export async function runCleanup(env: Env, now = Date.now()): Promise<CleanupSummary> {
  const dir = directory(env);
  const { historyRetentionMonths } = await dir.getAdminSettings();
  const retentionMs = now - monthsBefore(now, historyRetentionMonths);
  const summary: CleanupSummary = { retentionMonths: historyRetentionMonths, directory: await dir.cleanup(retentionMs), agents: 0, history: 0, inbox: 0, tickets: 0, failedAgents: [] };
  for (const userId of await dir.cleanupTargets()) {
    try {
      const r = await dialerFor(env, userId).cleanup(retentionMs);
      summary.agents++;
      summary.history += r.history;
      summary.inbox += r.inbox;
      summary.tickets += r.tickets;
    } catch (err) {
      summary.failedAgents.push(userId); // the next night tries again
      console.error("retention: cleanup failed for Aircall user", userId, (err as Error).message);
    }
  }
  const d = summary.directory;
  if (summary.history || d.audit || summary.failedAgents.length) await dir.audit("worker", "retention.cleanup", summary);
  return summary;
}

/** The `scheduled` handler of the worker's default export: the invocation lasts until the cleanup is done. */
export const scheduled: ExportedHandlerScheduledHandler<Env> = async (_controller, env) => {
  await runCleanup(env);
};
