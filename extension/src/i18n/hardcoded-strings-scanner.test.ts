/** The scanner behind no-hardcoded-strings.test.ts finds each kind of left-over text, and only those. */
import { describe, expect, it } from "vitest"

import { scanSource } from "../../../scripts/lib/hardcoded-strings.mjs"

const texts = (source: string, file = "x.tsx") => scanSource(source, file).map((f) => `${f.kind}: ${f.text}`)

describe("hard-coded string scanner", () => {
  it("reports JSX text with letters, not symbols, digits or translated text", () => {
    expect(texts(`const A = () => <p>Start <b>{t("popup.start")}</b> · 3 ✓</p>`)).toEqual(["jsx-text: Start"])
  })

  it("reports user-facing attributes, whatever shape their value takes", () => {
    const source = `const A = () => <>
      <button title="Skip" aria-label={paused ? "Resume" : t("popup.pause")} className="big primary" data-testid="skip-button" />
      <input placeholder={\`Search \${n}\`} alt={name ?? "Contact"} />
      <img alt={t("x")} title={state === "paused" ? t("a") : t("b")} />
    </>`
    expect(texts(source)).toEqual([
      "attribute title: Skip",
      "attribute aria-label: Resume",
      "attribute placeholder: Search",
      "attribute alt: Contact",
    ])
  })

  it("reports literals rendered as JSX children, not the keys or arguments of calls", () => {
    const source = `const A = () => <div>{busy ? "Sending…" : t("popup.send")}{n > 1 && "numbers"}{fmt(x, "short")}</div>`
    expect(texts(source)).toEqual(["jsx-child: Sending…", "jsx-child: numbers"])
  })

  it("reports literals handed to DOM and browser sinks", () => {
    const source = `
      el.textContent = "Queued"
      button.title = \`\${name} is queued\`
      el.setAttribute("aria-label", "Add " + name)
      el.setAttribute("data-state", "queued")
      if (!confirm("Delete this list?")) return
      chrome.action.setTitle({ title: "Run paused" })
      chrome.notifications.create("id", { type: "basic", iconUrl: "icon.png", title: "Callback due", message: t("x") })
      el.className = "queued"
    `
    expect(texts(source, "x.ts")).toEqual([
      "assignment .textContent: Queued",
      "assignment .title: is queued",
      "setAttribute aria-label: Add",
      "call confirm: Delete this list?",
      "call chrome.action.setTitle: Run paused",
      "call chrome.notifications.create: Callback due",
    ])
  })

  it("lets allowlisted texts through (brand names, keys)", () => {
    expect(texts(`const A = () => <span title="Aircall">Esc</span>`)).toEqual([])
    expect(scanSource(`const A = () => <span>Acme</span>`, "x.tsx", { allow: [{ text: "Acme", reason: "test" }] })).toEqual([])
  })

  it("gives the place of each finding", () => {
    expect(scanSource(`const a = 1\nconst A = () => <p>\n  Hello\n</p>`, "a/b.tsx")).toEqual([
      { file: "a/b.tsx", line: 3, column: 3, kind: "jsx-text", text: "Hello" },
    ])
  })
})

describe("hard-coded string scanner: text held in objects", () => {
  it("reports literals in text properties (button tables, messages), not catalogue keys or other properties", () => {
    const source = `
      const BUTTONS = [{ action: "start", label: "Start", kind: "primary" }, { action: "stop", label: "popup.control.stop" }]
      const message = { id: "offline", what: "The server can't be reached.", todo: t("errors.offline.todo") }
      const field = { placeholder: "crm.example.com" }
    `
    expect(texts(source, "x.ts")).toEqual(["property label: Start", "property what: The server can't be reached."])
  })
})
