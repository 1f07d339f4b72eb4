import { describe, expect, it } from "vitest";
import { HttpError } from "./api";
import { errorText, Problem } from "./errors";
import { translatorFor } from "./i18n/catalogue";

const en = translatorFor("en");
const fr = translatorFor("fr");

describe("errors in the admin's language", () => {
  it("frames the worker's English message in French, and shows it as is in English", () => {
    const err = new HttpError(400, "callingHours: start must be before end", "validation_failed");
    expect(errorText(en, err)).toBe("callingHours: start must be before end");
    expect(errorText(fr, err)).toBe("Le serveur a répondu : callingHours: start must be before end");
  });
  it("says refused tokens, rate limits, bare statuses and unreachable workers in the language", () => {
    expect(errorText(fr, new HttpError(401, "invalid token", "unauthorized"))).toBe("Le worker a refusé le jeton de cette session : reconnectez-vous.");
    expect(errorText(fr, new HttpError(429, "slow down", "rate_limited"))).toMatch(/^Trop de requêtes/);
    expect(errorText(en, new HttpError(502, ""))).toBe("The worker answered with an error (HTTP 502).");
    expect(errorText(fr, new TypeError("Failed to fetch"))).toMatch(/^Impossible de joindre le worker/);
  });
  it("translates the dashboard's own checks with their details", () => {
    const problem = new Problem("dispositions.noLabel", { row: 7 });
    expect(errorText(en, problem)).toBe("Row 7: give it a label");
    expect(errorText(fr, problem)).toBe("Ligne 7 : donnez-lui un libellé");
  });
});
