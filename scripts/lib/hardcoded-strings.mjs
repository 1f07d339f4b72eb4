/**
 * Finds user-visible text left hard-coded in TypeScript/TSX sources (issue 16: every string the agent
 * or the admin reads goes through a translation catalogue). Built on the TypeScript compiler's parser,
 * so it reads code as code, not as text: comments, imports, class names and keys passed to `t()` are
 * never reported.
 *
 * What it reports (each with file, line, column and the text):
 * - JSX text containing a letter: `<button>Start</button>`;
 * - text in a user-facing JSX attribute (title, aria-label, placeholder, alt, label, ...): `title="Skip"`;
 * - a literal rendered as a JSX child: `{paused ? "Paused" : "Running"}`;
 * - a literal handed to a known UI sink: `el.textContent = "..."`, `el.setAttribute("aria-label", "...")`,
 *   `confirm("...")`, `alert("...")`, `chrome.action.setTitle({ title: "..." })`,
 *   `chrome.notifications.create({ title, message })`;
 * - a literal in a text property of an object: `{ label: "Start" }`, `{ what: "...", todo: "..." }`.
 *
 * A literal counts when it is the value itself, a branch of `a ? b : c`, a side of `??`, `||`, `+`,
 * the right side of `&&`, or the text of a template; literals inside calls (`t("popup.start")`,
 * `fmt(x, "short")`) and comparisons (`state === "paused"`) are not values shown, so they are skipped.
 *
 * Text without a letter (symbols, digits, "·", "✓") and dotted names (catalogue keys such as
 * "popup.start", domains, file names) are never reported. Anything else must be in the allowlist,
 * each entry with its reason.
 *
 * Plain ESM JavaScript so any package can run it: `scanFolders(["extension/src/popup"], { root })`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { join, relative, sep } from "node:path"

const require = createRequire(import.meta.url)
const ts = require("typescript")

/** JSX attributes whose text a person reads (or hears, through a screen reader). */
export const USER_FACING_ATTRIBUTES = [
  "title",
  "alt",
  "label",
  "placeholder",
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "aria-braillelabel",
  "summary",
  "caption",
]

/**
 * Object properties that hold text for people (`{ label: "Start" }`, a message's `what`/`todo`): a
 * literal there is reported too, wherever the object goes (button tables, status maps of labels).
 */
export const TEXT_OBJECT_PROPERTIES = ["label", "title", "placeholder", "tooltip", "hint", "what", "todo", "ariaLabel", "aria-label"]

/** Properties whose assignment puts text on screen: `el.textContent = "..."`. */
export const TEXT_PROPERTIES = ["textContent", "innerText", "innerHTML", "title", "placeholder", "alt", "ariaLabel", "ariaDescription"]

/** `el.setAttribute(name, text)` with one of these names shows or speaks `text`. */
export const TEXT_ATTRIBUTE_NAMES = ["title", "alt", "placeholder", "aria-label", "aria-description", "aria-valuetext", "aria-roledescription"]

/**
 * Calls whose arguments are shown: the callee's text (as written, e.g. "window.confirm") matched by
 * `callee`; `args` = positions shown as is; `props` = properties of an object argument shown.
 */
export const SINK_CALLS = [
  { callee: /^(window\.)?(confirm|alert|prompt)$/, args: [0] },
  { callee: /(^|\.)action\.setTitle$/, props: ["title"] },
  { callee: /(^|\.)notifications\.(create|update)$/, props: ["title", "message", "contextMessage", "buttons"] },
]

/**
 * Texts that stay as they are in every language. `text` is compared after trimming; the reason is
 * required so the list stays small and honest.
 */
export const DEFAULT_ALLOW = [
  { text: "Aircall", reason: "brand name, the same in every language" },
  { text: "HubSpot", reason: "brand name" },
  { text: "Salesforce", reason: "brand name" },
  { text: "Pipedrive", reason: "brand name" },
  { text: "Zoho", reason: "brand name" },
  { text: "Attio", reason: "brand name" },
  { text: "Close", reason: "brand name of the Close CRM (only where it names the CRM)" },
  { text: "CSV", reason: "file format name" },
  { text: "English", reason: "a language's own name, shown as is in every language" },
  { text: "Français", reason: "a language's own name, shown as is in every language" },
  { text: "Esc", reason: "keyboard key label" },
  { text: "Alt", reason: "keyboard key label, the same on French keyboards" },
  { text: "Enter", reason: "keyboard key label" },
  { text: "Alt+Shift+P", reason: "keyboard shortcut" },
  { text: "Alt+Shift+S", reason: "keyboard shortcut" },
  { text: "E.164", reason: "phone number standard's name" },
]

const LETTER = /\p{L}/u
/** A catalogue key, a domain or a file name ("popup.start", "crm.example.com"): not prose to translate. */
const DOTTED_NAME = /^[A-Za-z][\w-]*(\.[\w-]+)+$/

function hasLetter(text) {
  return LETTER.test(text)
}

/**
 * The literal texts an expression evaluates to (its "value positions"), with the node to report.
 * Calls, comparisons, property reads and identifiers give none.
 */
export function valueTexts(node) {
  if (!node) return []
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ node, text: node.text }]
  if (ts.isTemplateExpression(node)) {
    const parts = [{ node: node.head, text: node.head.text }]
    for (const span of node.templateSpans) {
      parts.push(...valueTexts(span.expression))
      parts.push({ node: span.literal, text: span.literal.text })
    }
    return parts
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression?.(node) || ts.isNonNullExpression(node))
    return valueTexts(node.expression)
  if (ts.isJsxExpression(node)) return valueTexts(node.expression)
  if (ts.isConditionalExpression(node)) return [...valueTexts(node.whenTrue), ...valueTexts(node.whenFalse)]
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken)
      return [...valueTexts(node.left), ...valueTexts(node.right)]
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return valueTexts(node.right)
    return []
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(valueTexts)
  return []
}

function attributeName(attr) {
  const name = attr.name
  if (ts.isIdentifier(name)) return name.text
  if (ts.isJsxNamespacedName?.(name)) return `${name.namespace.text}:${name.name.text}`
  return name.getText()
}

function propertyName(node) {
  if (ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isPrivateIdentifier?.(node)) return node.text
  return undefined
}

function objectPropTexts(node, props) {
  if (!node || !ts.isObjectLiteralExpression(node)) return []
  const out = []
  for (const p of node.properties) {
    if (!ts.isPropertyAssignment(p)) continue
    const name = propertyName(p.name)
    if (!name || !props.includes(name)) continue
    if (ts.isArrayLiteralExpression(p.initializer))
      for (const el of p.initializer.elements) out.push(...(ts.isObjectLiteralExpression(el) ? objectPropTexts(el, ["title"]) : valueTexts(el)))
    else out.push(...valueTexts(p.initializer))
  }
  return out
}

/**
 * Findings in one source text: `[{ file, line, column, kind, text }]` (line and column from 1).
 * `options.allow` = allowlist entries (defaults to DEFAULT_ALLOW).
 */
export function scanSource(sourceText, fileName = "source.tsx", options = {}) {
  const allowed = new Set((options.allow ?? DEFAULT_ALLOW).map((a) => a.text.trim()))
  const attributes = options.attributes ?? USER_FACING_ATTRIBUTES
  const objectProperties = options.objectProperties ?? TEXT_OBJECT_PROPERTIES
  const kindOfFile = fileName.endsWith(".tsx") || fileName.endsWith(".jsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const sf = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, kindOfFile)
  const findings = []

  const seen = new Set()
  const report = (node, kind, text) => {
    const shown = text.replace(/\s+/g, " ").trim()
    if (!shown || !hasLetter(shown) || DOTTED_NAME.test(shown) || allowed.has(shown)) return
    const start = node.getStart(sf)
    if (seen.has(start)) return // one text, one finding (a sink's object is also an object with a title)
    seen.add(start)
    const { line, character } = sf.getLineAndCharacterOfPosition(start)
    findings.push({ file: fileName, line: line + 1, column: character + 1, kind, text: shown })
  }
  const reportAll = (parts, kind) => {
    for (const { node, text } of parts) report(node, kind, text)
  }

  const visit = (node) => {
    if (ts.isJsxText(node)) {
      report(node, "jsx-text", node.text)
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      reportAll(valueTexts(node.expression), "jsx-child")
    } else if (ts.isJsxAttribute(node)) {
      const name = attributeName(node)
      if (attributes.includes(name) && node.initializer) reportAll(valueTexts(node.initializer), `attribute ${name}`)
    } else if (ts.isPropertyAssignment(node) && objectProperties.includes(propertyName(node.name) ?? "")) {
      reportAll(valueTexts(node.initializer), `property ${propertyName(node.name)}`)
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left
      if (ts.isPropertyAccessExpression(target) && TEXT_PROPERTIES.includes(target.name.text))
        reportAll(valueTexts(node.right), `assignment .${target.name.text}`)
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(sf).replace(/\?\./g, ".")
      if (/(^|\.)setAttribute$/.test(callee) && node.arguments.length >= 2) {
        const attr = node.arguments[0]
        if (ts.isStringLiteralLike(attr) && TEXT_ATTRIBUTE_NAMES.includes(attr.text))
          reportAll(valueTexts(node.arguments[1]), `setAttribute ${attr.text}`)
      }
      for (const sink of SINK_CALLS) {
        if (!sink.callee.test(callee)) continue
        for (const i of sink.args ?? []) reportAll(valueTexts(node.arguments[i]), `call ${callee}`)
        if (sink.props) for (const arg of node.arguments) reportAll(objectPropTexts(arg, sink.props), `call ${callee}`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return findings
}

const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/
const NOT_SOURCE = /\.(test|spec|expectations)\.[jt]sx?$|\.d\.ts$/

function walk(dir, out) {
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "fixtures" || entry.startsWith(".")) continue
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) walk(full, out)
    else if (SOURCE.test(entry) && !NOT_SOURCE.test(entry)) out.push(full)
  }
  return out
}

/**
 * Findings in every source file under the given folders (tests, fixtures and .d.ts skipped).
 * `options.root` makes paths relative; `options.exclude(relativePath)` skips more files (catalogues).
 */
export function scanFolders(folders, options = {}) {
  const root = options.root ?? process.cwd()
  const findings = []
  for (const folder of folders) {
    const abs = join(root, folder)
    const files = statSync(abs).isDirectory() ? walk(abs, []) : [abs]
    for (const file of files.sort()) {
      const rel = relative(root, file).split(sep).join("/")
      if (options.exclude?.(rel)) continue
      findings.push(...scanSource(readFileSync(file, "utf8"), rel, options))
    }
  }
  return findings
}

/** One line per finding, for a test failure or a CLI: `popup/App.tsx:12:7 jsx-text "Start"`. */
export function formatFindings(findings) {
  return findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.kind} ${JSON.stringify(f.text)}`).join("\n")
}

// `node scripts/lib/hardcoded-strings.mjs extension/src/popup worker/dashboard/src` lists findings.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const folders = process.argv.slice(2)
  const findings = scanFolders(folders)
  if (findings.length) console.log(formatFindings(findings))
  console.log(`${findings.length} hard-coded string(s) in ${folders.join(", ") || "(no folder given)"}`)
  process.exitCode = findings.length ? 1 : 0
}
