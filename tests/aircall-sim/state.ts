/** Everything the simulator knows, plus its timers and event emitter. */
import { EventEmitter, setMaxListeners } from "node:events";
import { FaultQueue } from "./fault-queue";
import { seedTags, seedUsers } from "./options";
import { RateWindow } from "./rate-window";
import type {
  CallRecord,
  NumberRecord,
  RequestLogEntry,
  SentEventRecord,
  TagRecord,
  UserRecord,
  WebhookRecord,
} from "./records";
import { Pressure } from "./pressure";
import { Rng } from "./rng";
import { ScriptBook } from "./script-book";
import type { SimOptions } from "./types";

export interface SimCounters {
  requests: number;
  rateLimited: number;
  callsPlaced: number;
  webhookDeliveries: number;
  webhookFailures: number;
}

export class SimState {
  readonly emitter = new EventEmitter();
  readonly rate: RateWindow;
  readonly script = new ScriptBook();
  readonly faults = new FaultQueue();
  rng: Rng;
  pressure: Pressure;
  users = new Map<number, UserRecord>();
  numbers = new Map<number, NumberRecord>();
  calls = new Map<string, CallRecord>();
  webhooks: WebhookRecord[] = [];
  tags: TagRecord[] = [];
  requests: RequestLogEntry[] = [];
  /** Every generated webhook event, oldest first (calls also keep their own). */
  eventLog: SentEventRecord[] = [];
  counters: SimCounters = zeroCounters();
  /** Until this epoch ms every delivery to a REGISTERED webhook fails (it gets disabled after enough). */
  webhookOutageUntil = 0;
  /** Base URL of this simulator, for direct_link fields. */
  baseUrl = "";
  private nextCallId: bigint;
  private nextCommentIdValue = 1;
  private nextWebhookIdValue = 1;
  private timers = new Set<NodeJS.Timeout>();
  /** Aborts in-flight webhook deliveries on reset/close. */
  private abort = new AbortController();

  constructor(readonly options: SimOptions) {
    this.rate = new RateWindow(() => this.options.ratePerMinute);
    this.nextCallId = BigInt(options.firstCallId);
    this.rng = new Rng(options.seed);
    this.pressure = new Pressure(() => this.options.beforeResetGraceMs);
    this.emitter.setMaxListeners(100);
    this.seed();
    this.startExternalLoad();
  }

  /**
   * Another integration of the company (a CRM sync, …) spending the same rolling window:
   * externalLoadPerMin requests a minute, evenly spaced; read on every tick, so changing the
   * option takes effect within a second.
   */
  private startExternalLoad(): void {
    const tick = (): void => {
      const perMin = this.options.externalLoadPerMin;
      if (perMin > 0) {
        const v = this.rate.take();
        this.pressure.externalRequest(v.allowed, Date.now());
      }
      this.schedule(perMin > 0 ? Math.max(10, 60_000 / perMin) : 1000, tick);
    };
    this.schedule(perMinDelay(this.options.externalLoadPerMin), tick);
  }

  private seed(): void {
    const { users, numbers } = seedUsers(this.options.users);
    this.users = new Map(users.map((u) => [u.id, u]));
    this.numbers = new Map(numbers.map((n) => [n.id, n]));
    this.tags = seedTags();
  }

  /** Aborted on reset/close; every in-flight delivery and held answer listens to it (hundreds in a soak). */
  get signal(): AbortSignal {
    setMaxListeners(0, this.abort.signal);
    return this.abort.signal;
  }

  allocateCallId(): bigint {
    const id = this.nextCallId;
    this.nextCallId += 1n;
    return id;
  }

  allocateCommentId(): number {
    return this.nextCommentIdValue++;
  }

  allocateWebhookNumericId(): number {
    return this.nextWebhookIdValue++;
  }

  findCall(id: string): CallRecord | undefined {
    return /^\d+$/.test(id) ? this.calls.get(BigInt(id).toString()) : undefined;
  }

  /** setTimeout that reset()/close() cancel. */
  schedule(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  /** Back to the seeded state. Call ids keep increasing so a reset never reuses an id. */
  reset(): void {
    this.stopActivity();
    this.abort = new AbortController();
    this.seed();
    this.calls.clear();
    this.webhooks = [];
    this.requests = [];
    this.eventLog = [];
    this.counters = zeroCounters();
    this.rate.reset();
    this.script.reset();
    this.faults.reset();
    this.webhookOutageUntil = 0;
    this.rng = new Rng(this.options.seed);
    this.pressure = new Pressure(() => this.options.beforeResetGraceMs);
    this.startExternalLoad();
  }

  /** Cancel timers and in-flight deliveries. */
  stopActivity(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.abort.abort();
  }
}

function perMinDelay(perMin: number): number {
  return perMin > 0 ? Math.max(10, 60_000 / perMin) : 1000;
}

function zeroCounters(): SimCounters {
  return { requests: 0, rateLimited: 0, callsPlaced: 0, webhookDeliveries: 0, webhookFailures: 0 };
}
