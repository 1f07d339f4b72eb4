import { readdir, readFile } from "node:fs/promises"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { extname, join, normalize } from "node:path"

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" }

/**
 * Serves folders on 127.0.0.1 under URL prefixes, e.g. { "/crm/": fixturesDir, "/pages/": pagesDir }.
 * Any path under a prefix that has no file extension falls back to that folder's index.html
 * (so single-page-app routes changed with pushState can be reloaded).
 */
export async function startStaticServer(roots: Record<string, string>, port = 0): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)
    const prefix = Object.keys(roots).find((p) => path.startsWith(p))
    if (!prefix) return void res.writeHead(404).end("not found")
    if (path === prefix) return void res.writeHead(200, { "content-type": TYPES[".html"] }).end(await listing(prefix, roots[prefix]!))
    const relative = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, "")
    const file = join(roots[prefix]!, extname(relative) ? relative : join(relative.split("/")[0] ?? "", "index.html"))
    try {
      const body = await readFile(file)
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body)
    } catch (error) {
      res.writeHead(404).end(`not found: ${String(error)}`)
    }
  })
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve))
  const bound = (server.address() as AddressInfo).port
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** The folder's HTML pages as a list of links (the saved CRM pages, for a person trying the extension). */
async function listing(prefix: string, dir: string): Promise<string> {
  const pages = (await readdir(dir)).filter((f) => f.endsWith(".html")).sort()
  const items = pages.map((f) => `<li><a href="${prefix}${f}">${f.replace(/\.html$/, "")}</a></li>`).join("")
  return `<!doctype html><meta charset="utf-8"><title>Saved CRM pages</title><h1>Saved CRM pages</h1><ul>${items}</ul>`
}
