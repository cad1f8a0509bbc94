// A static server for dist/ as hosts serve it: with the headers of dist/_headers (as Netlify and
// Cloudflare Pages would send them), or with none (GitHub Pages cannot set COOP/COEP), under any
// path prefix. Also serves small in-memory pages (a docs page around an embed) on their own port,
// for cross-origin tests. Started and stopped by the tests, on 127.0.0.1 and a free port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './paths.mjs';

export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** The "/*" block of a Netlify/Cloudflare _headers file, as [[name, value], ...]. */
export async function readHeadersFile(path) {
  const headers = [];
  let inAll = false;
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    if (inAll) {
      const at = line.indexOf(':');
      headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  if (!headers.length) throw new Error(`${path} has no headers for /*`);
  return headers;
}

/**
 * @param {object} o
 * @param {string} [o.root]      folder to serve (default dist/)
 * @param {string} [o.prefix]    URL path it is served under, e.g. '/docs/threadlab/'
 * @param {Array<[string, string]>} [o.headers]  sent with every response
 * @param {Record<string, string>} [o.pages]     extra in-memory HTML pages: path -> body
 * @param {(path: string, body: Buffer) => Buffer|string} [o.transform]  rewrite a file's body
 * Resolves with { url (of the prefix), origin, requests: [path...], stop }.
 */
export function startStaticServer({ root = DIST, prefix = '/', headers = [], pages = {}, transform } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const send = (status, body, type) => {
      res.writeHead(status, { ...Object.fromEntries(headers), ...(type ? { 'Content-Type': type } : {}) });
      res.end(body);
    };
    if (pages[path] !== undefined) return send(200, pages[path], TYPES['.html']);
    if (!path.startsWith(prefix)) return send(404, 'not found');
    const inside = normalize(path.slice(prefix.length));
    if (inside.startsWith('..')) return send(400, 'bad path');
    const file = join(root, inside === '.' || path.endsWith('/') ? join(inside, 'index.html') : inside);
    try {
      let body = await readFile(file);
      if (transform) body = transform(path.slice(prefix.length), body) ?? body;
      return send(200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      return send(404, 'not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        url: `${origin}${prefix}`,
        requests,
        stop: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(done);
        }),
      });
    });
  });
}

/** The isolation headers a docs page sends to be cross-origin isolated itself. */
export const ISOLATED_PAGE_HEADERS = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Embedder-Policy', 'require-corp'],
];
