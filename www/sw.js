// threadlab's one service worker, registered by dist/ builds only (www/js/service-worker.js reads
// the <meta name="threadlab-service-worker"> that `./build.sh dist` writes). Two jobs:
//
// 1. Offline: it precaches the whole build (the pages, the app under app-<hash>/, the wasm) in a
//    cache named after the build, and serves from it when the network fails. A new deploy
//    installs a new worker (this file's bytes change with the build id), which precaches the new
//    build, takes over and deletes the old caches; the page shows a short "updated" notice.
// 2. Cross-origin isolation on hosts that cannot set headers (GitHub Pages): every same-origin
//    response it hands the page gets the COOP/COEP headers it lacks, so once this worker controls
//    the page, one reload makes the page isolated. The page guards that reload (never more than
//    one per tab session, see www/js/service-worker.js).
//
// Both jobs in one worker: two workers would fight over the same scope.

// Written by `./build.sh dist` (scripts/dist.mjs): the build id and every file of the build,
// relative to this file. Here in www/ they are placeholders; the dev server never registers this.
const BUILD = '__THREADLAB_BUILD__';
const PRECACHE = [/* __THREADLAB_PRECACHE__ */];
// The headers a cross-origin isolated page needs (the same values as serve.json and _headers).
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};
const ISOLATE = true;

const CACHE_PREFIX = 'threadlab-';
const CACHE = `${CACHE_PREFIX}${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // no-cache: revalidate with the server, so a stale HTTP cache never fills a new build's cache.
    await cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.location), { cache: 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
    // Pages of another build learn that this one took over (and offer a reload).
    for (const client of await self.clients.matchAll({ type: 'window' })) {
      client.postMessage({ type: 'threadlab:service-worker-activated', build: BUILD });
    }
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'threadlab:build?') {
    event.source?.postMessage({ type: 'threadlab:build', build: BUILD, isolate: ISOLATE });
  }
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // A Chromium quirk: such requests throw in fetch() unless they are same-origin mode.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  let response;
  if (request.mode === 'navigate') {
    // Pages: the network first, so a new deploy is seen at once; the cache when offline.
    try {
      response = await fetch(request);
    } catch (e) {
      response = await cache.match(request, { ignoreSearch: true });
      if (!response) throw e;
    }
  } else {
    // Everything else is under the build's own app-<hash>/ (or is the stable threadlab.js):
    // the cache first.
    response = (await cache.match(request)) ?? (await fetch(request));
  }
  return ISOLATE ? withIsolation(response) : response;
}

/** The response with the isolation headers it lacks (opaque and error responses as they are). */
function withIsolation(response) {
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  let changed = false;
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
    if (!headers.has(name)) {
      headers.set(name, value);
      changed = true;
    }
  }
  if (!changed) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
