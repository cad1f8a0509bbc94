// The servers the e2e tests load the page from.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './paths.mjs';

/**
 * The real dev server: `./build.sh serve --no-build --port 0`, the same server and serve.json
 * that `./build.sh serve` runs, on a free port. Resolves with { url, stop }.
 */
export function startIsolatedServer() {
  const child = spawn(join(ROOT, 'build.sh'), ['serve', '--no-build', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const found = output.match(/Accepting connections at (http:\/\/\S+)/);
      if (found) {
        resolve({ url: `${found[1].replace(/\/$/, '')}/`, stop: () => stopChild(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it listened:\n${output}`)));
  });
}

function stopChild(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * A bare static server for www/ that sends NO isolation headers, as a careless host would.
 * Resolves with { url, stop }.
 */
export function startPlainServer() {
  const www = join(ROOT, 'www');
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(www, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(www)) {
      res.writeHead(400).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        stop: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
