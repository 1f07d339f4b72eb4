import type { AdminHistoryRow } from "@dialer/shared";
import { useState } from "react";
import { recordingApi } from "./api";

/**
 * Play a call's recording. Aircall's recording URLs expire after an hour, so none is kept: each
 * press asks the worker, which reads the call from Aircall then and answers its current URL.
 */
export function RecordingCell({ row }: { row: Pick<AdminHistoryRow, "callId" | "outcome" | "name" | "phone"> }) {
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const [error, setError] = useState("");
  if (!row.callId || row.outcome !== "answered") return <span className="muted">–</span>;
  if (url) return <audio className="recording" controls autoPlay src={url} data-testid="recording-audio" aria-label={`Recording of the call with ${row.name ?? row.phone}`} />;
  const play = () => {
    setState("loading");
    recordingApi.fresh(row.callId!).then(
      (r) => (setUrl(r.url), setState("idle")),
      (err: Error) => (setError(err.message), setState("error")),
    );
  };
  return (
    <span className="recording-cell">
      <button className="secondary" onClick={play} disabled={state === "loading"} data-testid="recording-play" aria-label={`Play the recording of the call with ${row.name ?? row.phone}`}>
        {state === "loading" ? "Loading…" : "▶ Play"}
      </button>
      {state === "error" && (
        <span className="fine recording-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
