/** The soak's agents, their lists (some numbers shared between agents, never repeated in one list) and the outcomes played. */
import type { QueueItem } from "@dialer/shared";
import type { CallOutcome, Script, ScriptEntry, SimUserSpec } from "../aircall-sim";
import { Rng } from "../aircall-sim/rng";
import { phone } from "../bench/lib";
import type { SoakProfile } from "./profile";

export function soakUsers(n: number): SimUserSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: 1001 + i,
    name: `Soak Agent ${i + 1}`,
    email: `soak.agent${i + 1}@example.com`,
    numbers: [{ id: 2001 + i, digits: `+1555010${String(i).padStart(4, "0")}`, name: `Line ${i + 1}` }],
    wrapUpTime: 0,
  }));
}

/** Agent a's list: numbers a·(n−shared) … a·(n−shared)+n−1, so neighbours share `shared` numbers. */
export function soakList(p: SoakProfile, agent: number): QueueItem[] {
  const first = agent * (p.itemsPerAgent - p.sharedWithNext);
  return Array.from({ length: p.itemsPerAgent }, (_, j) => ({ id: `a${agent + 1}-n${j + 1}`, phone: phone(first + j), name: `Prospect ${first + j}` }));
}

const OUTCOMES: Array<[CallOutcome, number]> = [
  ["answered", 0.5],
  ["no_answer", 0.25],
  ["busy", 0.15],
  ["voicemail", 0.1],
];

/** A seeded mix of outcomes: a few entries per number (an agent sharing it, or a redial, takes the next). */
export function soakScript(p: SoakProfile, seed: number): Script {
  const rng = new Rng(seed);
  const pool = p.agents * (p.itemsPerAgent - p.sharedWithNext) + p.sharedWithNext;
  const script: Script = {};
  for (let i = 0; i < pool; i++) {
    const entries: ScriptEntry[] = [];
    for (let k = 0; k < 4; k++) {
      let x = rng.next();
      const outcome = OUTCOMES.find(([, w]) => (x -= w) < 0)?.[0] ?? "answered";
      // a little spread in talk time, so calls do not end in lockstep
      entries.push(outcome === "answered" ? { outcome, talkMs: p.timings.talkMs + rng.upTo(2000) } : { outcome });
    }
    script[phone(i)] = entries;
  }
  return script;
}
