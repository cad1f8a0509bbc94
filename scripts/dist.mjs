// `./build.sh dist`: the static site in dist/, for any host and any path prefix.
//
//   node scripts/dist.mjs WWW_DIR RELEASE_WASM OUT_DIR
//
// WWW_DIR is the built www/ (pkg/ and vendor/ in place), RELEASE_WASM the engine optimised
// without -g (no function names), OUT_DIR the folder to (re)write. What it writes:
//
//   index.html, embed.html, docs-example.html   the pages (stable names: people link to them)
//   threadlab.js                                the public JS API (stable name: embedders import it)
//   sw.js                                       the service worker (a stable name, as browsers need)
//   app-<hash>/                                 everything else, unchanged inside, under a name
//                                               made of the hash of its whole content: a new
//                                               deploy never mixes old JS with new wasm, and
//                                               every file in it can be cached for ever
//   _headers                                    headers for Netlify and Cloudflare Pages
//   nginx.conf.example                          the same for nginx
//
// Every URL stays relative, so dist/ works at https://host/ and at https://host/any/prefix/.
// The headers come from serve.json (the dev server's), so the three can never disagree.
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const PAGES = ['index.html', 'embed.html', 'docs-example.html'];
const API = 'threadlab.js';
const SERVICE_WORKER = 'sw.js';
// Not shipped: the visuals' development page, TypeScript declarations of the bindings.
const LEAVE_OUT = [/^dev\//, /\.d\.ts$/];

const posix = (path) => path.split(sep).join('/');

async function walk(dir, base = dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, base)));
    else files.push(posix(relative(base, path)));
  }
  return files.sort();
}

/** The custom sections of a wasm module (to check that no "name" section shipped). */
export function wasmCustomSections(bytes) {
  const names = [];
  let i = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return result;
    }
  };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 0) {
      const len = leb();
      names.push(Buffer.from(bytes.subarray(i, i + len)).toString('utf8'));
    }
    i = end;
  }
  return names;
}

/** The headers every response gets, from serve.json (minus the dev server's Cache-Control). */
async function siteHeaders() {
  const config = JSON.parse(await readFile(join(ROOT, 'serve.json'), 'utf8'));
  const all = config.headers.find((h) => h.source === '**');
  if (!all) throw new Error('serve.json has no headers for "**"');
  return all.headers.filter((h) => h.key !== 'Cache-Control');
}

function headerValue(headers, key) {
  const found = headers.find((h) => h.key.toLowerCase() === key.toLowerCase());
  if (!found) throw new Error(`serve.json sends no ${key}`);
  return found.value;
}

/**
 * The policy as a <meta> tag: browsers ignore frame-ancestors there (and log an error about it),
 * so the meta carries the rest of the same policy; the headers carry all of it.
 */
function metaPolicy(policy) {
  return policy.split(';').map((d) => d.trim()).filter((d) => d && !d.startsWith('frame-ancestors')).join('; ');
}

const escapeAttr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function rewritePage(html, app, { policy, build }) {
  let page = html
    .replace(/(href|src)="(css|js)\//g, `$1="${app}/$2/`)
    .replace(/href="favicon\.svg"/g, `href="${app}/favicon.svg"`);
  const left = page.match(/(?:href|src)="(?:css|js)\//);
  if (left) throw new Error(`a page still loads ${left[0]} outside ${app}/`);
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(metaPolicy(policy))}">`,
    `<meta name="threadlab-service-worker" content="${SERVICE_WORKER}" data-build="${build}">`,
  ].join('\n  ');
  if (!page.includes('<meta charset="utf-8">')) throw new Error('a page has no <meta charset="utf-8">');
  page = page.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${head}`);
  return page;
}

function headersFile(headers) {
  const lines = [
    '# threadlab: headers for Netlify and Cloudflare Pages (written by ./build.sh dist from serve.json).',
    '# COOP + COEP make the page cross-origin isolated, so Python threads run on workers sharing one',
    '# memory; CORP cross-origin lets an isolated docs page on another site embed embed.html; the CSP',
    '# allows nothing but this site\'s own files (and wasm compilation).',
    '/*',
    ...headers.map((h) => `  ${h.key}: ${h.value}`),
    '',
  ];
  return lines.join('\n');
}

function nginxFile(headers) {
  const adds = (indent) => headers.map((h) => `${indent}add_header ${h.key} "${h.value.replace(/"/g, '\\"')}" always;`);
  return [
    '# threadlab behind nginx (written by ./build.sh dist from serve.json). Serves dist/ at /threadlab/;',
    '# any other prefix works the same (every URL in dist/ is relative). Put this in a server { } block.',
    'location /threadlab/ {',
    '    alias /srv/threadlab/dist/;',
    '    # nginx\'s mime.types has application/wasm since 1.21.0; older ones need:',
    '    # types { application/wasm wasm; }',
    ...adds('    '),
    '    add_header Cache-Control "no-cache" always;',
    '',
    '    # app-<hash>/ never changes under its name: cache it for ever. (add_header in a nested',
    '    # location replaces the outer ones, so they are repeated.)',
    '    location ~ /app-[0-9a-f]+/ {',
    ...adds('        '),
    '        add_header Cache-Control "public, max-age=31536000, immutable" always;',
    '    }',
    '}',
    '',
  ].join('\n');
}

async function main([www, releaseWasm, out]) {
  if (!www || !releaseWasm || !out) throw new Error('usage: node scripts/dist.mjs WWW_DIR RELEASE_WASM OUT_DIR');
  const files = (await walk(www)).filter((f) => !LEAVE_OUT.some((re) => re.test(f)));
  const appFiles = files.filter((f) => !PAGES.includes(f) && f !== SERVICE_WORKER);
  const wasmPath = 'pkg/threadlab_bg.wasm';
  if (!appFiles.includes(wasmPath)) throw new Error(`${www} has no ${wasmPath}: build first`);
  const wasm = await readFile(releaseWasm);
  const sections = wasmCustomSections(wasm);
  if (sections.includes('name')) throw new Error(`${releaseWasm} still has a "name" section (built with -g?)`);

  // The hash covers every app file's path and bytes (the release wasm in place of the dev one).
  const contents = new Map();
  for (const f of appFiles) contents.set(f, f === wasmPath ? wasm : await readFile(join(www, f)));
  const hash = createHash('sha256');
  for (const [f, bytes] of contents) hash.update(`${f}\0${bytes.length}\0`).update(bytes);
  const build = hash.digest('hex').slice(0, 12);
  const app = `app-${build}`;

  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, app), { recursive: true });
  for (const [f, bytes] of contents) {
    await mkdir(dirname(join(out, app, f)), { recursive: true });
    await writeFile(join(out, app, f), bytes);
  }

  const headers = await siteHeaders();
  const policy = headerValue(headers, 'Content-Security-Policy');
  for (const page of PAGES) {
    const html = await readFile(join(www, page), 'utf8');
    await writeFile(join(out, page), rewritePage(html, app, { policy, build }));
  }
  // The stable API module: the real one lives in the app folder (its imports are relative to it).
  await writeFile(join(out, API), [
    `// threadlab's JavaScript API (see README, "The JavaScript API"); build ${build}.`,
    `export * from './${app}/${API}';`,
    `export { default } from './${app}/${API}';`,
    '',
  ].join('\n'));

  const precache = ['./', ...PAGES, API, ...appFiles.map((f) => `${app}/${f}`)];
  let sw = await readFile(join(www, SERVICE_WORKER), 'utf8');
  const swBefore = sw;
  sw = sw.replace("'__THREADLAB_BUILD__'", JSON.stringify(build))
    .replace('[/* __THREADLAB_PRECACHE__ */]', JSON.stringify(precache, null, 2));
  if (sw === swBefore || sw.includes('__THREADLAB_')) throw new Error(`${SERVICE_WORKER}'s placeholders changed shape`);
  await writeFile(join(out, SERVICE_WORKER), sw);

  await writeFile(join(out, '_headers'), headersFile(headers));
  await writeFile(join(out, 'nginx.conf.example'), nginxFile(headers));

  // Sizes: all of dist/, and gzip of what the main page loads on a first visit (everything in the
  // app folder but the other pages' own files and the Python modules' sources, fetched when a
  // program imports them; tests/bench/firstload.mjs measures the real first load).
  const all = await walk(out);
  let total = 0;
  for (const f of all) total += (await stat(join(out, f))).size;
  const otherPages = /^(threadlab\/example\.|js\/(embed|docs-example)\.|css\/(embed|docs-example)\.|pkg\/pylib\/)/;
  let firstRaw = 0;
  let firstGzip = 0;
  const first = ['index.html', API, ...appFiles.filter((f) => !otherPages.test(f)).map((f) => `${app}/${f}`)];
  for (const f of first) {
    const bytes = await readFile(join(out, f));
    firstRaw += bytes.length;
    firstGzip += gzipSync(bytes, { level: 6 }).length;
  }
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`dist/: build ${build}, ${all.length} files, ${kb(total)} in all (wasm ${kb(wasm.length)}, no name section)`);
  console.log(`dist/: the main page's files, ${kb(firstRaw)}, gzip -6 ${kb(firstGzip)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`dist: ${e.message}`);
    process.exit(1);
  });
}
