import { DEFAULT_DISPOSITIONS } from "@dialer/shared";
import { describe, expect, it } from "vitest";
import { defaultRows, toDispositions } from "./DispositionsPanel";
import { errorText } from "./errors";
import { translatorFor } from "./i18n/catalogue";

describe("the dispositions editor in the admin's language", () => {
  it("fills the default set with French labels for a French admin, the shared defaults otherwise", () => {
    expect(defaultRows("en").map((r) => r.label)).toEqual(DEFAULT_DISPOSITIONS.map((d) => d.label));
    const fr = defaultRows("fr");
    expect(fr.map((r) => r.label)).toEqual(["Personne jointe", "Message laissé", "Sans réponse", "Numéro invalide", "Ne plus appeler", "À rappeler"]);
    expect(fr.map((r) => [r.id, r.kind, r.after])).toEqual(DEFAULT_DISPOSITIONS.map((d) => [d.id, d.kind, d.retry ? String(d.retry.afterMinutes) : ""]));
  });
  it("names the first bad row in either language", () => {
    const rows = defaultRows("en");
    rows[2] = { ...rows[2]!, after: "30", attempts: "" };
    const checked = toDispositions(rows);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(errorText(translatorFor("en"), checked.error)).toBe('Row 3: a retry needs both "after" minutes and a number of attempts');
    expect(errorText(translatorFor("fr"), checked.error)).toBe("Ligne 3 : un rappel demande à la fois un délai en minutes et un nombre de tentatives");
  });
});
