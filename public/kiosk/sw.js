/*
 * Service worker of the display screens, scoped to /kiosk/. It keeps the last good kiosk page
 * and its files, so a screen keeps showing content when the network or the server is down, and
 * never caches an error page or a cut-off page from a broken deploy.
 *
 * Kill switch: open /kiosk/<preset>/?nosw=1 on the screen, or deploy this file with KILL = true;
 * the worker then removes itself and its cache on the screen's next visit.
 */
const KILL = false;
const CACHE = 'kiosk-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      if (KILL) {
        await caches.delete(CACHE);
        await self.registration.unregister();
        return;
      }
      await self.clients.claim();
    })(),
  );
});

/** A kiosk page is good when it came whole: status 200 and the closing tag. */
async function isGoodPage(response) {
  if (!response.ok) return false;
  const text = await response.clone().text();
  return text.includes('<kiosk-screen') && /<\/html>\s*$/i.test(text);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (KILL || event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The version file must always come from the server: it is how a new build is noticed.
  if (url.pathname === '/version.json') return;

  if (url.pathname.startsWith('/_astro/')) {
    // Hashed files never change: the cache first.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(event.request);
        if (cached) return cached;
        const response = await fetch(event.request);
        if (response.ok) await cache.put(event.request, response.clone());
        return response;
      }),
    );
    return;
  }

  // Pages and other files: the network first, the last good copy when it fails.
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      try {
        const response = await fetch(event.request);
        const page = url.pathname.startsWith('/kiosk/');
        if (page ? await isGoodPage(response) : response.ok) {
          await cache.put(event.request, response.clone());
          return response;
        }
        return (await cache.match(event.request)) ?? response;
      } catch (error) {
        const cached = await cache.match(event.request);
        if (cached) return cached;
        throw error;
      }
    }),
  );
});
