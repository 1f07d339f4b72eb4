import type { CDPSession, Page } from "@playwright/test"

/**
 * Reaches the extension's in-page bar, which lives in a CLOSED shadow root: neither page script
 * nor Playwright's locators can enter it. The Chrome DevTools Protocol can (DOM.getDocument with
 * `pierce`), so tests read the bar's text through it and click its buttons with real mouse events
 * at their on-screen position, as a user would. Nothing here exists in any extension build.
 */
type DomNode = {
  backendNodeId: number
  nodeName: string
  attributes?: string[]
  children?: DomNode[]
  shadowRoots?: DomNode[]
  contentDocument?: DomNode
}

export type ClosedShadow = {
  /** innerText of the element with this data-testid inside any shadow root, or null when absent. */
  text(testId: string): Promise<string | null>
  /** Whether an element with this data-testid is rendered (present, with a size). */
  visible(testId: string): Promise<boolean>
  /** A real (trusted) mouse click in the middle of the element. */
  click(testId: string): Promise<void>
  /** The element's box on screen (CSS pixels), or null when absent or not rendered. */
  rect(testId: string): Promise<Rect | null>
  /** An attribute of the element, or null. */
  attribute(testId: string, name: string): Promise<string | null>
}

export type Rect = { left: number; top: number; right: number; bottom: number; width: number; height: number }

function find(node: DomNode, testId: string, insideShadow = false): number | null {
  const attrs = node.attributes ?? []
  for (let i = 0; i + 1 < attrs.length; i += 2) {
    if (insideShadow && attrs[i] === "data-testid" && attrs[i + 1] === testId) return node.backendNodeId
  }
  for (const root of node.shadowRoots ?? []) {
    const found = find(root, testId, true)
    if (found !== null) return found
  }
  for (const child of node.children ?? []) {
    const found = find(child, testId, insideShadow)
    if (found !== null) return found
  }
  return null
}

export async function closedShadow(page: Page): Promise<ClosedShadow> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const locate = async (testId: string) => {
    const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode }
    return find(root, testId)
  }
  const box = async (backendNodeId: number) => {
    const result = await cdp.send("DOM.getContentQuads", { backendNodeId }).catch(() => ({ quads: [] as number[][] }))
    const quad = result.quads[0]
    if (!quad) return null
    const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!]
    const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!]
    const width = Math.max(...xs) - Math.min(...xs)
    const height = Math.max(...ys) - Math.min(...ys)
    return width > 0 && height > 0 ? { x: Math.min(...xs) + width / 2, y: Math.min(...ys) + height / 2 } : null
  }
  const rectOf = async (backendNodeId: number): Promise<Rect | null> => {
    const { object } = await cdp.send("DOM.resolveNode", { backendNodeId })
    const { result } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId,
      functionDeclaration:
        "function () { const r = this.getBoundingClientRect(); return r.width > 0 && r.height > 0 ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : null }",
      returnByValue: true,
    })
    return (result.value as Rect | null) ?? null
  }
  return {
    async rect(testId) {
      const id = await locate(testId)
      return id === null ? null : rectOf(id)
    },
    async attribute(testId, name) {
      const id = await locate(testId)
      if (id === null) return null
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: id })
      const { result } = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId,
        functionDeclaration: "function (name) { return this.getAttribute(name) }",
        arguments: [{ value: name }],
        returnByValue: true,
      })
      return typeof result.value === "string" ? result.value : null
    },
    async text(testId) {
      const id = await locate(testId)
      if (id === null) return null
      const { object } = await cdp.send("DOM.resolveNode", { backendNodeId: id })
      const { result } = await cdp.send("Runtime.callFunctionOn", {
        objectId: object.objectId,
        functionDeclaration: "function () { return this.innerText }",
        returnByValue: true,
      })
      return typeof result.value === "string" ? result.value : null
    },
    async visible(testId) {
      const id = await locate(testId)
      return id !== null && (await box(id)) !== null
    },
    async click(testId) {
      const id = await locate(testId)
      if (id === null) throw new Error(`no [data-testid="${testId}"] in a shadow root`)
      await cdp.send("DOM.scrollIntoViewIfNeeded", { backendNodeId: id })
      const center = await box(id)
      if (!center) throw new Error(`[data-testid="${testId}"] is not rendered`)
      await page.mouse.click(center.x, center.y)
    },
  }
}
