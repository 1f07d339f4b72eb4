/**
 * Is Aircall still delivering to the worker? Aircall disables a webhook after repeated failed
 * deliveries; the worker then finds calls only through the REST API, checks the webhook and turns
 * it back on. This card shows what it last saw (reloaded every minute) and can ask for a check.
 */
import type { WebhookHealth } from "@dialer/shared";
import { useCallback, useEffect, useState } from "react";
import { api } from "./api";
import { dateTime } from "./format";

const RELOAD_MS = 60_000;

const LABEL: Record<WebhookHealth["state"], [text: string, tone: "good" | "warn" | "bad" | "none"]> = {
  unknown: ["Not checked yet", "none"],
  ok: ["Active", "good"],
  reactivated: ["Re-activated", "warn"],
  recreated: ["Registered again", "warn"],
  not_connected: ["Not connected", "bad"],
  error: ["Check failed", "bad"],
};

export function WebhookHealthPanel() {
  const [health, setHealth] = useState<WebhookHealth | null>(null);
  const [error, setError] = useState("");
  const [checking, setChecking] = useState(false);

  const load = useCallback(() => {
    api.webhookHealth().then(
      (r) => (setHealth(r.health), setError("")),
      (err: Error) => setError(err.message),
    );
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, RELOAD_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const check = () => {
    setChecking(true);
    api.checkWebhook().then(
      (r) => (setHealth(r.health), setError("")),
      (err: Error) => setError(err.message),
    ).finally(() => setChecking(false));
  };

  const [text, tone] = health ? LABEL[health.state] : ["Loading…", "none"];
  return (
    <section className="card wide" aria-label="Aircall webhook" data-testid="webhook-health">
      <div className="card-head">
        <h2>Aircall webhook</h2>
        <button className="secondary" onClick={check} disabled={checking}>
          {checking ? "Checking…" : "Check now"}
        </button>
      </div>
      {error && <div className="banner error">Could not read the webhook's health: {error}</div>}
      {health && (
        <div className="health-row">
          <span className={`pill health-${tone}`} data-testid="webhook-state">{text}{health.active === false ? " · inactive in Aircall" : ""}</span>
          <span><span className="muted">Last check</span> {dateTime(health.lastCheckAt)}{health.lastCheckReason ? <span className="muted"> ({health.lastCheckReason})</span> : null}</span>
          <span><span className="muted">Re-activations</span> <strong data-testid="webhook-reactivations">{health.reactivations}</strong>{health.lastReactivatedAt ? <span className="muted"> · last {dateTime(health.lastReactivatedAt)}</span> : null}</span>
          <span><span className="muted">Calls found without their webhooks</span> <strong data-testid="webhook-missing">{health.missingWebhookCalls}</strong></span>
        </div>
      )}
      {health?.lastError && <p className="fine">{health.lastError}</p>}
      {health?.url && <p className="fine mono">{health.url}</p>}
    </section>
  );
}
