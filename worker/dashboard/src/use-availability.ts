/**
 * Aircall's own view of each user (available, in_call, after_call_work, offline, ...), asked at most
 * every MIN_GAP_MS: after each team reload, with one trailing ask so the last change is never missed.
 * Aircall's request budget is the dialer's, so the dashboard stays frugal. Failing is harmless.
 */
import { useEffect, useRef, useState } from "react";
import { api } from "./api";

const MIN_GAP_MS = 10_000;

export function useAvailability(pulse: number): Map<number, string> {
  const [map, setMap] = useState(new Map<number, string>());
  const last = useRef(0);
  const trailing = useRef<number>();

  useEffect(() => {
    if (pulse === 0) return;
    const ask = () => {
      last.current = Date.now();
      trailing.current = undefined;
      api.availability().then(
        (r) => setMap(new Map(r.users.map((u) => [u.id, u.availability]))),
        (err: Error) => console.warn("Aircall availability unavailable:", err.message),
      );
    };
    const wait = last.current + MIN_GAP_MS - Date.now();
    if (wait <= 0) ask();
    else if (trailing.current === undefined) trailing.current = window.setTimeout(ask, wait);
  }, [pulse]);

  useEffect(() => () => window.clearTimeout(trailing.current), []);
  return map;
}
