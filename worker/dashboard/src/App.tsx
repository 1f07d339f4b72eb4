import { useCallback, useState } from "react";
import { session } from "./api";
import { AgentsTable } from "./AgentsTable";
import { CallingHoursPanel } from "./CallingHoursPanel";
import { DispositionBreakdown } from "./DispositionBreakdown";
import { DispositionsPanel } from "./DispositionsPanel";
import { DncPanel } from "./DncPanel";
import { EnrolPanel } from "./EnrolPanel";
import { errorText } from "./errors";
import { HistoryPanel } from "./HistoryPanel";
import { HourChart } from "./HourChart";
import { LanguageProvider, LanguageSwitch, useT } from "./i18n";
import { Kpis } from "./Kpis";
import { SignIn } from "./SignIn";
import { useAvailability } from "./use-availability";
import { useTeam } from "./use-team";
import { WebhookHealthPanel } from "./WebhookHealthPanel";

/** Why the admin was signed out: said in the language in force when the sign-in page shows it. */
type SignOutReason = "" | "expired";

function Dashboard({ onSignOut }: { onSignOut: (reason?: SignOutReason) => void }) {
  const { t } = useT();
  const expired = useCallback(() => onSignOut("expired"), [onSignOut]);
  const team = useTeam(expired);
  const availability = useAvailability(team.version);
  return (
    <div className="page">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden>◆</span> {t("common.brand")} <span className="muted">{t("team.brandSuffix")}</span>
        </div>
        <div className="topbar-right">
          <span className={`live live-${team.live}`} data-testid="live">
            <span className="dot" /> {t(`team.live.${team.live}`)}
          </span>
          <LanguageSwitch />
          <button className="ghost" onClick={() => onSignOut()} data-testid="sign-out">
            {t("team.signOut")}
          </button>
        </div>
      </header>
      {team.error !== null && <div className="banner error">{t("team.loadError", { message: errorText(t, team.error) })}</div>}
      <main className="grid">
        <Kpis today={team.today} week={team.week} />
        <HourChart stats={team.today?.total ?? null} />
        <AgentsTable rows={team.rows} availability={availability} />
        <EnrolPanel onEnrolled={() => team.reload?.()} />
        <DispositionBreakdown today={team.today} version={team.version} />
        <HistoryPanel agents={team.rows.map((r) => r.agent)} version={team.version} />
        <WebhookHealthPanel />
        <DispositionsPanel />
        <CallingHoursPanel />
        <DncPanel />
      </main>
    </div>
  );
}

function Root() {
  const { t } = useT();
  const [token, setToken] = useState(session.get());
  const [reason, setReason] = useState<SignOutReason>("");
  const signOut = useCallback((why: SignOutReason = "") => {
    session.clear();
    setToken("");
    setReason(why);
  }, []);
  if (!token)
    return (
      <SignIn
        notice={reason === "expired" ? t("signin.expired") : ""}
        onSignedIn={(next) => {
          session.set(next);
          setToken(next);
        }}
      />
    );
  return <Dashboard key={token} onSignOut={signOut} />;
}

export function App() {
  return (
    <LanguageProvider>
      <Root />
    </LanguageProvider>
  );
}
