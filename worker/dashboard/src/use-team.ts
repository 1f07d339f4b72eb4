/**
 * The team's live picture: agents with their dialer state (updated over the admin WebSocket as it
 * changes), today's and this week's figures (reloaded shortly after activity), reconnecting on loss.
 */
import type { AdminServerMessage, TeamRow, TeamStatsResponse } from "@dialer/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, HttpError, openFeed } from "./api";
import { startOfToday, startOfWeek } from "./format";

export type Live = "connecting" | "live" | "offline";
export type TeamView = { rows: TeamRow[]; today: TeamStatsResponse | null; week: TeamStatsResponse | null; live: Live; error: unknown; version: number; reload?: () => void };

const REFRESH_AFTER_MS = 1500;
const PING_MS = 25_000;
const RELOAD_MS = 60_000; // availability changes without a dialer state change (e.g. the agent goes offline)

export function useTeam(onUnauthorized: () => void): TeamView {
  const [view, setView] = useState<TeamView>({ rows: [], today: null, week: null, live: "connecting", error: null, version: 0 });
  const refreshTimer = useRef<number>();

  const load = useCallback(async () => {
    try {
      const [team, today, week] = await Promise.all([api.team(startOfToday()), api.stats(startOfToday()), api.stats(startOfWeek())]);
      setView((v) => ({ ...v, rows: team.agents, today, week, error: null, version: v.version + 1 }));
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 403)) onUnauthorized();
      else setView((v) => ({ ...v, error: err }));
    }
  }, [onUnauthorized]);

  const refreshSoon = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => void load(), REFRESH_AFTER_MS);
  }, [load]);

  const onMessage = useCallback(
    (m: AdminServerMessage) => {
      if (m.type === "agent.state") {
        setView((v) => ({ ...v, rows: v.rows.map((r) => (r.agent.agentId === m.agentId ? { ...r, state: m.state } : r)) }));
        refreshSoon();
      } else if (m.type === "team.changed") void load();
    },
    [load, refreshSoon],
  );

  useEffect(() => {
    let ws: WebSocket | undefined;
    let retry: number | undefined;
    let ping: number | undefined;
    let attempts = 0;
    let stopped = false;
    const connect = async () => {
      setView((v) => ({ ...v, live: "connecting" }));
      try {
        ws = await openFeed(onMessage);
      } catch (err) {
        if (err instanceof HttpError && (err.status === 401 || err.status === 403)) return onUnauthorized();
        return scheduleReconnect();
      }
      ws.addEventListener("open", () => {
        attempts = 0;
        setView((v) => ({ ...v, live: "live" }));
        void load(); // catch up on anything missed while disconnected
        ping = window.setInterval(() => ws?.send('{"type":"ping"}'), PING_MS);
      });
      ws.addEventListener("close", () => {
        window.clearInterval(ping);
        scheduleReconnect();
      });
    };
    const scheduleReconnect = () => {
      if (stopped) return;
      setView((v) => ({ ...v, live: "offline" }));
      retry = window.setTimeout(() => void connect(), Math.min(30_000, 1000 * 2 ** attempts++));
    };
    void load();
    void connect();
    const reload = window.setInterval(() => void load(), RELOAD_MS);
    return () => {
      stopped = true;
      window.clearInterval(reload);
      window.clearTimeout(retry);
      window.clearInterval(ping);
      window.clearTimeout(refreshTimer.current);
      ws?.close(1000, "signed out");
    };
  }, [load, onMessage, onUnauthorized]);

  return { ...view, reload: () => void load() };
}

/** A clock that ticks every `ms`, for running call timers. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(t);
  }, [ms]);
  return now;
}
