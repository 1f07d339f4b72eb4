/**
 * Calls back when a single-page app changes its URL without reloading: history.pushState /
 * replaceState (patched here; effective when the page and this script share a world, as in
 * tests), popstate / hashchange, and the Navigation API's `currententrychange`, which also
 * reports the page's own pushState calls to an isolated-world content script. Callers can
 * also call `check()` (e.g. on DOM mutations) as a last resort.
 */
type HistoryMethod = "pushState" | "replaceState";

export type UrlWatcher = { check(): void };

type NavigationLike = EventTarget;

export function watchUrl(win: Window, onChange: (url: string) => void, signal: AbortSignal): UrlWatcher {
  let last = win.location.href;
  const check = () => {
    if (signal.aborted) return;
    const current = win.location.href;
    if (current === last) return;
    last = current;
    onChange(current);
  };
  for (const method of ["pushState", "replaceState"] as HistoryMethod[]) patchHistory(win, method, check, signal);
  const listen = { signal } as AddEventListenerOptions;
  win.addEventListener("popstate", check, listen);
  win.addEventListener("hashchange", check, listen);
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener("currententrychange", () => queueMicrotask(check), listen);
  return { check };
}

function patchHistory(win: Window, method: HistoryMethod, after: () => void, signal: AbortSignal): void {
  const history = win.history;
  const original = history[method];
  const patched = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
    const result = original.apply(this, args);
    queueMicrotask(after);
    return result;
  };
  history[method] = patched;
  signal.addEventListener("abort", () => {
    // Restore only if nobody patched on top of us since.
    if (history[method] === patched) history[method] = original;
  });
}
