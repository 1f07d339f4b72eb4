import { describe, expect, it } from "vitest";
import { catalogues, duplicateKeys, translatorFor } from "./catalogue";

const holes = (m: unknown) => [...new Set(JSON.stringify(m).match(/\{\w+\}/g) ?? [])].sort();
const forms = (m: unknown) => (typeof m === "string" ? "text" : Object.keys(m as object).sort().join(","));

describe("dashboard catalogue", () => {
  it("has every English key in French, and no extra ones", () => {
    expect(Object.keys(catalogues.fr).sort()).toEqual(Object.keys(catalogues.en).sort());
  });
  it("defines each key in one area only", () => {
    expect(duplicateKeys()).toEqual([]);
  });
  it("has no empty message in either language", () => {
    for (const cat of [catalogues.en, catalogues.fr])
      for (const [key, msg] of Object.entries(cat)) for (const text of typeof msg === "string" ? [msg] : Object.values(msg)) expect(String(text).trim(), key).not.toBe("");
  });
  it("keeps the same {placeholders} in French as in English", () => {
    for (const key of Object.keys(catalogues.en) as (keyof typeof catalogues.en)[]) expect(holes(catalogues.fr[key]), key).toEqual(holes(catalogues.en[key]));
  });
  it("gives every plural message an 'other' form and a {count} to choose by", () => {
    for (const cat of [catalogues.en, catalogues.fr])
      for (const [key, msg] of Object.entries(cat))
        if (typeof msg !== "string") {
          expect(forms(msg), key).toContain("other");
          expect(holes(catalogues.en[key as keyof typeof catalogues.en]), key).toContain("{count}");
        }
  });
  it("writes French the French way: a space before : ; ? ! and no straight English quotes", () => {
    for (const [key, msg] of Object.entries(catalogues.fr))
      for (const text of typeof msg === "string" ? [msg] : Object.values(msg)) {
        expect(String(text), key).not.toMatch(/\S[:;?!](\s|$)/);
        expect(String(text), key).not.toMatch(/"/);
      }
  });
  it("translates, fills placeholders and picks plurals", () => {
    const en = translatorFor("en");
    const fr = translatorFor("fr");
    expect(en("team.signOut")).toBe("Sign out");
    expect(fr("team.signOut")).toBe("Se déconnecter");
    expect(en("dispositions.saved", { count: 7 })).toBe("Saved 7 dispositions. Agents see them within 5 minutes.");
    expect(fr("dispositions.saved", { count: 1 })).toBe("1 résultat enregistré. Les agents le verront d'ici 5 minutes.");
    expect(fr("dnc.exported", { count: 1200 })).toBe("1\u202f200 numéros exportés.");
    expect(fr("error.server", { message: "start must be before end" })).toBe("Le serveur a répondu : start must be before end");
  });
});

describe("dashboard catalogue use", () => {
  it("has no key the code never asks for (a key built as `area.${value}` counts by its prefix)", async () => {
    // node:fs by name: the dashboard's tsconfig has DOM types only (these tests run in Node)
    type Fs = { readdirSync(path: string, options: { recursive: true }): string[]; readFileSync(path: string, encoding: "utf8"): string };
    const fsModule = "node:fs";
    const { readdirSync, readFileSync } = (await import(/* @vite-ignore */ fsModule)) as Fs;
    const src = decodeURIComponent(new URL("../", import.meta.url).pathname);
    const files = readdirSync(src, { recursive: true }).filter((f) => /\.tsx?$/.test(f) && !f.includes("messages/") && !/\.test\.tsx?$/.test(f));
    const code = files.map((f) => readFileSync(src + f, "utf8")).join("\n");
    const unused = Object.keys(catalogues.en).filter((key) => !code.includes(`"${key}"`) && !code.includes(`\`${key.slice(0, key.lastIndexOf(".") + 1)}\${`));
    expect(unused).toEqual([]);
  });
});
