import type { AdminHistoryRow } from "@dialer/shared";
import { useState } from "react";
import { recordingApi } from "./api";
import { errorText } from "./errors";
import { NONE } from "./format";
import { useT } from "./i18n";

/**
 * Play a call's recording. Aircall's recording URLs expire after an hour, so none is kept: each
 * press asks the worker, which reads the call from Aircall then and answers its current URL.
 */
export function RecordingCell({ row }: { row: Pick<AdminHistoryRow, "callId" | "outcome" | "name" | "phone"> }) {
  const { t } = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const [error, setError] = useState<unknown>(null);
  if (!row.callId || row.outcome !== "answered") return <span className="muted">{NONE}</span>;
  if (url) return <audio className="recording" controls autoPlay src={url} data-testid="recording-audio" aria-label={t("recording.label", { who: row.name ?? row.phone })} />;
  const play = () => {
    setState("loading");
    recordingApi.fresh(row.callId!).then(
      (r) => (setUrl(r.url), setState("idle")),
      (err: unknown) => (setError(err), setState("error")),
    );
  };
  return (
    <span className="recording-cell">
      <button className="secondary" onClick={play} disabled={state === "loading"} data-testid="recording-play" aria-label={t("recording.playLabel", { who: row.name ?? row.phone })}>
        {state === "loading" ? t("common.loading") : t("recording.play")}
      </button>
      {state === "error" && (
        <span className="fine recording-error" role="alert">
          {errorText(t, error)}
        </span>
      )}
    </span>
  );
}
