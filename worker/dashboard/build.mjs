// Builds the team dashboard (React) into public/admin/, which the worker serves as static assets at
// /admin. Runs before `wrangler dev` and `wrangler deploy` (wrangler.jsonc "build"); the output is
// generated, not committed. Fixed file names, so concurrent builds only ever write the same bytes.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../public/admin");
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: [join(here, "src/main.tsx")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  legalComments: "none",
  write: false,
  outdir: out,
  entryNames: "app",
  logLevel: "warning",
});

const hash = createHash("sha256");
for (const file of result.outputFiles) {
  writeFileSync(file.path, file.contents);
  hash.update(file.contents);
}
const css = readFileSync(join(here, "src/styles.css"));
writeFileSync(join(out, "styles.css"), css);
const version = hash.update(css).digest("hex").slice(0, 10);
const html = readFileSync(join(here, "src/index.html"), "utf8").replaceAll("__VERSION__", version);
writeFileSync(join(out, "index.html"), html);
console.log(`dashboard built: public/admin (app.js ${Math.round(result.outputFiles[0].contents.length / 1024)} KB, v${version})`);
