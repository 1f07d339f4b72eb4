/**
 * No user-visible English left in the dashboard's code (issue 16): worker/dashboard/src is scanned
 * with the repository's finder (scripts/lib/hardcoded-strings.mjs) and must have none. Texts that
 * are the same in every language go in ALLOW with their reason; the rest goes through t().
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_ALLOW, formatFindings, scanFolders, scanSource } from "../../../../scripts/lib/hardcoded-strings.mjs";

const root = decodeURIComponent(new URL("../../", import.meta.url).pathname); // worker/dashboard/

const ALLOW = [
  ...DEFAULT_ALLOW,
  { text: "pnpm admin agents add --aircall-user &lt;email&gt;", reason: "a shell command the admin types as is" },
  { text: "maya@example.com", reason: "an example e-mail address in a placeholder" },
];

const exclude = (path: string) => path.startsWith("src/i18n/messages/") || /\.test\.tsx?$/.test(path);

describe("no hard-coded strings in the dashboard", () => {
  it("finds no user-visible text outside the catalogues", () => {
    const findings = scanFolders(["src"], { root, allow: ALLOW, exclude });
    expect(formatFindings(findings), "translate these with t() (see src/i18n/index.tsx)").toBe("");
  });
  it("would catch a new English label (the scan is live on this code's shapes)", () => {
    const found = scanSource(`export const A = () => <section aria-label="Agents"><h2>Call history</h2>{busy ? "Saving…" : t("common.save")}</section>;`, "A.tsx", { allow: ALLOW });
    expect(found.map((f) => f.text)).toEqual(["Agents", "Call history", "Saving…"]);
  });
});
