/**
 * Test helper: renders React into a fresh element of the document. Call `mountEach()` once at the top
 * of a test file; after each test whatever it mounted is unmounted and removed, and stubbed globals
 * (chrome) are restored.
 */
import { act, type ReactNode } from "react"
import { createRoot, type Root } from "react-dom/client"
import { afterEach, vi } from "vitest"

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export function mountEach() {
  let root: Root | undefined
  let host: HTMLElement | undefined
  afterEach(() => {
    act(() => root?.unmount())
    host?.remove()
    root = undefined
    host = undefined
    vi.unstubAllGlobals()
  })
  const fresh = (): Root => {
    act(() => root?.unmount())
    host?.remove()
    host = document.createElement("div")
    document.body.append(host)
    return (root = createRoot(host))
  }
  return {
    /** Renders `node` (synchronously inside act) and answers its container. */
    mount(node: ReactNode): HTMLElement {
      const r = fresh()
      act(() => r.render(node))
      return host!
    },
    /** The same, letting effects that resolve right away (storage reads) settle inside act. */
    async mountAsync(node: ReactNode): Promise<HTMLElement> {
      const r = fresh()
      await act(async () => r.render(node))
      return host!
    },
    unmount(): void {
      act(() => root?.unmount())
      root = undefined
    },
  }
}
