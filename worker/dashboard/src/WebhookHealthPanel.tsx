/**
 * Is Aircall still delivering to the worker? Aircall disables a webhook after repeated failed
 * deliveries; the worker then finds calls only through the REST API, checks the webhook and turns
 * it back on. This card shows what it last saw (reloaded every minute) and can ask for a check.
 */
import type { WebhookHealth } from "@dialer/shared";
import { useCallback, useEffect, useState } from "react";
import { api } from "./api";
import { errorText } from "./errors";
import { count, dateTime } from "./format";
import { useT } from "./i18n";
import { checkReason } from "./webhook-reason";

const RELOAD_MS = 60_000;

const TONE: Record<WebhookHealth["state"], "good" | "warn" | "bad" | "none"> = {
  unknown: "none",
  ok: "good",
  reactivated: "warn",
  recreated: "warn",
  not_connected: "bad",
  error: "bad",
};

export function WebhookHealthPanel() {
  const { t, locale } = useT();
  const [health, setHealth] = useState<WebhookHealth | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  const load = useCallback(() => {
    api.webhookHealth().then(
      (r) => (setHealth(r.health), setError(null)),
      (err: unknown) => setError(err),
    );
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, RELOAD_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const check = () => {
    setChecking(true);
    api
      .checkWebhook()
      .then(
        (r) => (setHealth(r.health), setError(null)),
        (err: unknown) => setError(err),
      )
      .finally(() => setChecking(false));
  };

  return (
    <section className="card wide" aria-label={t("webhook.title")} data-testid="webhook-health">
      <div className="card-head">
        <h2>{t("webhook.title")}</h2>
        <button className="secondary" onClick={check} disabled={checking}>
          {checking ? t("common.checking") : t("webhook.check")}
        </button>
      </div>
      {error !== null && <div className="banner error">{t("webhook.readError", { message: errorText(t, error) })}</div>}
      {!health && error === null && <p className="muted">{t("common.loading")}</p>}
      {health && (
        <div className="health-row">
          <span className={`pill health-${TONE[health.state]}`} data-testid="webhook-state">
            {t(`webhook.state.${health.state}`)}
            {health.active === false ? t("webhook.inactive") : ""}
          </span>
          <span>
            <span className="muted">{t("webhook.lastCheck")}</span> {dateTime(locale, health.lastCheckAt)}
            {health.lastCheckReason ? <span className="muted"> {t("webhook.reason", { reason: checkReason(t, health.lastCheckReason) })}</span> : null}
          </span>
          <span>
            <span className="muted">{t("webhook.reactivations")}</span> <strong data-testid="webhook-reactivations">{count(locale, health.reactivations)}</strong>
            {health.lastReactivatedAt ? <span className="muted">{t("webhook.lastReactivated", { time: dateTime(locale, health.lastReactivatedAt) })}</span> : null}
          </span>
          <span>
            <span className="muted">{t("webhook.missing")}</span> <strong data-testid="webhook-missing">{count(locale, health.missingWebhookCalls)}</strong>
          </span>
        </div>
      )}
      {health?.lastError && <p className="fine">{t("error.server", { message: health.lastError })}</p>}
      {health?.url && <p className="fine mono">{health.url}</p>}
    </section>
  );
}
