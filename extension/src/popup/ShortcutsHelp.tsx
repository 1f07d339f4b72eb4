import type { Shortcuts } from "./use-shortcuts"

/** The popup's help line: the run's keyboard shortcuts, and where to change them. */
export function ShortcutsHelp({ keys }: { keys: Shortcuts }) {
  const key = (k: string) => (k ? <kbd>{k}</kbd> : <span className="muted">not set</span>)
  return (
    <details className="help" data-testid="shortcuts-help">
      <summary>Keyboard shortcuts</summary>
      <ul>
        <li>
          {key(keys["toggle-pause"])} pause or resume the run (from any tab)
        </li>
        <li>{key(keys.skip)} skip the next number</li>
        <li>
          In the queue: <kbd>↑</kbd>/<kbd>↓</kbd> move between rows, <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> reorder, <kbd>Enter</kbd> open the
          record, <kbd>Delete</kbd> remove
        </li>
      </ul>
      <p className="muted">Change them at chrome://extensions/shortcuts.</p>
    </details>
  )
}
