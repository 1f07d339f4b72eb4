import { describe, expect, it } from "vitest";
import { LANGUAGE_KEY, loadLanguage, localeFor, saveLanguage } from "./locale";

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k), data };
}

describe("the dashboard's language", () => {
  it("follows the browser by default: French for fr-CA, English for German", () => {
    expect(localeFor(loadLanguage(memory()), ["fr-CA", "en"])).toBe("fr");
    expect(localeFor(loadLanguage(memory()), ["de-DE"])).toBe("en");
  });
  it("keeps the admin's choice, which beats the browser's language", () => {
    const store = memory();
    saveLanguage("fr", store);
    expect(store.data.get(LANGUAGE_KEY)).toBe("fr");
    expect(localeFor(loadLanguage(store), ["en-US"])).toBe("fr");
    saveLanguage("auto", store);
    expect(store.data.has(LANGUAGE_KEY)).toBe(false);
    expect(localeFor(loadLanguage(store), ["en-US"])).toBe("en");
  });
  it("treats a stored value it does not know, or a storage that throws, as the browser's language", () => {
    expect(loadLanguage(memory({ [LANGUAGE_KEY]: "klingon" }))).toBe("auto");
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); }, removeItem: () => {} };
    expect(loadLanguage(broken)).toBe("auto");
    expect(() => saveLanguage("fr", broken)).not.toThrow();
  });
});
