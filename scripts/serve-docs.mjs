#!/usr/bin/env node
// `npm run docs:serve`: serves site/ (npm run docs) on 127.0.0.1 for a local look; the browser test uses serveDocs.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml", // an <img> shows an SVG only with this type
  ".json": "application/json",
  ".yaml": "text/yaml",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves the files under `root`; resolves with the URL and a `close` once listening. */
export async function serveDocs({ root = "site", port = 0 } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      return response.writeHead(400).end();
    }
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    if (file !== base && !file.startsWith(`${base}${sep}`)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
  });
  await new Promise((listening) => server.listen(port, "127.0.0.1", listening));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const close = () =>
    new Promise((closed) => {
      server.close(closed);
      server.closeAllConnections(); // a browser's keep-alive connections would hold the close until it quits
    });
  return { url, close };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serveDocs({ port: Number(process.env.PORT ?? 8080) });
  console.log(`The docs are on ${url}  (Ctrl+C to stop)`);
}
