import { useT } from "../i18n"
import { BUILT_IN_SITES_WHY, PERMISSIONS } from "./permissions"

/** What the extension stores where, what it sends to whom, and why it asks for each permission. */
export function PrivacyPage() {
  const { t } = useT()
  return (
    <main className="privacy" data-testid="privacy">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>

      <section className="card">
        <h2>{t("privacy.stored.title")}</h2>
        <ul>
          <li>{t("privacy.stored.queues")}</li>
          <li>{t("privacy.stored.history")}</li>
          <li>{t("privacy.stored.settings")}</li>
          <li>{t("privacy.stored.signIn")}</li>
        </ul>
        <p className="muted">{t("privacy.stored.removal")}</p>
      </section>

      <section className="card">
        <h2>{t("privacy.sent.title")}</h2>
        <ul>
          <li>{t("privacy.sent.numbers")}</li>
          <li>{t("privacy.sent.code")}</li>
          <li>{t("privacy.sent.outcomes")}</li>
        </ul>
        <p className="muted">{t("privacy.sent.note")}</p>
      </section>

      <section className="card">
        <h2>{t("privacy.pages.title")}</h2>
        <p>{t(BUILT_IN_SITES_WHY)}</p>
        <p className="muted">{t("privacy.pages.others")}</p>
      </section>

      <section className="card">
        <h2>{t("privacy.permissions.title")}</h2>
        <dl className="permissions">
          {PERMISSIONS.map((p) => (
            <div key={p.name} data-testid="permission">
              <dt>
                <code>{p.name}</code>
              </dt>
              <dd>{t(p.why)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card">
        <h2>{t("privacy.managed.title")}</h2>
        <p>{t("privacy.managed.text")}</p>
      </section>
    </main>
  )
}
