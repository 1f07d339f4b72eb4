import { useCallback, useState } from "react";
import { session } from "./api";
import { AgentsTable } from "./AgentsTable";
import { HistoryPanel } from "./HistoryPanel";
import { HourChart } from "./HourChart";
import { Kpis } from "./Kpis";
import { SignIn } from "./SignIn";
import { useAvailability } from "./use-availability";
import { useTeam, type Live } from "./use-team";
import { WebhookHealthPanel } from "./WebhookHealthPanel";
import { DispositionBreakdown } from "./DispositionBreakdown";
import { DispositionsPanel } from "./DispositionsPanel";
import { CallingHoursPanel } from "./CallingHoursPanel";
import { DncPanel } from "./DncPanel";
import { EnrolPanel } from "./EnrolPanel";

const LIVE_LABEL: Record<Live, string> = { live: "Live", connecting: "Connecting…", offline: "Reconnecting…" };

function Dashboard({ onSignOut }: { onSignOut: (reason?: string) => void }) {
  const expired = useCallback(() => onSignOut("Your session was refused: sign in again."), [onSignOut]);
  const team = useTeam(expired);
  const availability = useAvailability(team.version);
  return (
    <div className="page">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden>◆</span> Power Dialer <span className="muted">· Team</span>
        </div>
        <div className="topbar-right">
          <span className={`live live-${team.live}`} data-testid="live">
            <span className="dot" /> {LIVE_LABEL[team.live]}
          </span>
          <button className="ghost" onClick={() => onSignOut()}>
            Sign out
          </button>
        </div>
      </header>
      {team.error && <div className="banner error">Could not load the team: {team.error}</div>}
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

export function App() {
  const [token, setToken] = useState(session.get());
  const [notice, setNotice] = useState("");
  const signOut = useCallback((reason?: string) => {
    session.clear();
    setToken("");
    setNotice(reason ?? "");
  }, []);
  if (!token)
    return (
      <SignIn
        notice={notice}
        onSignedIn={(t) => {
          session.set(t);
          setToken(t);
        }}
      />
    );
  return <Dashboard key={token} onSignOut={signOut} />;
}
