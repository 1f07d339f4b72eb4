// Writes assets/icon.png (512×512): a blue rounded square with a white handset glyph.
// sharp comes with Plasmo's toolchain; resolve it from there instead of adding a dependency.
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

function loadSharp() {
  let dir = dirname(require.resolve("plasmo/package.json"))
  const tried = []
  for (const from of [dir, join(dir, ".."), join(dir, "../..")]) {
    try {
      return require(require.resolve("sharp", { paths: [from] }))
    } catch (error) {
      tried.push(`${from}: ${error.message}`)
    }
  }
  throw new Error(`sharp not found:\n${tried.join("\n")}`)
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#1fa971"/><stop offset="1" stop-color="#117a52"/></linearGradient></defs>
  <rect x="16" y="16" width="480" height="480" rx="112" fill="url(#g)"/>
  <path fill="#fff" transform="translate(106 106) scale(12.5)"
    d="M6.62 10.79a15.05 15.05 0 0 0 6.59 6.59l2.2-2.2a1 1 0 0 1 1.02-.24c1.12.37 2.33.57 3.57.57a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1.02l-2.2 2.2z"/>
  <circle cx="392" cy="120" r="44" fill="#ffd166"/>
</svg>`

const sharp = loadSharp()
const out = join(here, "..", "assets", "icon.png")
await sharp(Buffer.from(svg)).png().toFile(out)
console.log(`wrote ${out}`)
