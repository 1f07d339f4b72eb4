/** Debian's Chromium as every browser test and benchmark launches it (see TOOLCHAIN.md). */
export const CHROMIUM = "/usr/bin/chromium";

/** Flags for this machine: no sandbox as root, no GPU, and no background calls to Google's hosts. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The flags plus the unpacked extension in `dir`. */
export function withExtension(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_ARGS];
}
