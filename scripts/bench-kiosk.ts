/**
 * npm run bench:kiosk: a display screen for weeks, in minutes. Chromium shows
 * /kiosk/<preset>/ with an accelerated clock through ≥ 1,000 slide changes (the version check,
 * countdowns, burn-in shifts and the chart all run as they would), and prints the JS heap after
 * forced garbage collection and the DOM node count at change 200 and at the end.
 * Fails when the heap grows by 2 MB or more from change 200 to the end, or the node count moves.
 * First it counts what a screen downloads on start: the page and its files, then the same again
 * through the service worker for its offline copy.
 */
import { join, resolve } from 'node:path';
import { launchChromium } from './browser.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PRESET = process.env.KIOSK_PRESET ?? 'tv-1080p';
const CHANGES = Number(process.env.KIOSK_CHANGES ?? 1000);

const { server, url } = await serveDist(join(ROOT, 'dist'));
const browser = await launchChromium();
let failed = false;
try {
  {
    // Start-up downloads, with the service worker as on a real screen.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Every download, by URL: the offline copy shows as URLs fetched a second time.
    const urls = new Map<string, string>();
    const loads: { url: string; bytes: number }[] = [];
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) =>
      loads.push({ url: urls.get(e.requestId) ?? '', bytes: e.encodedDataLength }),
    );
    await page.goto(`${url}/kiosk/${PRESET}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('kiosk-screen[data-offline-ready]', { state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(500);
    const seen = new Set<string>();
    const again = loads.filter((l) => (seen.has(l.url) ? true : (seen.add(l.url), false)));
    const firsts = loads.filter((l) => !again.includes(l));
    // The worker fetches the copy itself (the page sees it answered from the worker, 0 bytes):
    // its size on the wire is that of the first download of the same files.
    const copied = firsts.filter((l) => again.some((a) => a.url === l.url));
    const kb = (list: { bytes: number }[]) => (list.reduce((n, l) => n + l.bytes, 0) / 1024).toFixed(1);
    console.log(
      `start: ${firsts.length} downloads, ${kb(firsts)} KB; again for the offline copy: ${again.length} downloads, ` +
        `about ${kb(copied)} KB (${again.map((l) => new URL(l.url).pathname).join(' ')})`,
    );
    await context.close();
  }
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Daytime, after the shipped notice's window; 1,000 changes of 15 s take about four hours.
  await page.clock.install({ time: new Date('2026-12-10T08:00:00+08:00') });
  await page.goto(`${url}/kiosk/${PRESET}/?nosw=1`);
  const dwell = await page.evaluate(
    () => (JSON.parse(document.querySelector('kiosk-screen')!.getAttribute('data-config')!) as { dwellSeconds: number }).dwellSeconds,
  );
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const changes = await page.evaluate(() => Number(document.querySelector('kiosk-screen')!.getAttribute('data-changes') ?? 0));
    return { heap: heap.usedSize, nodes, changes };
  };
  const started = performance.now();
  let at200: Awaited<ReturnType<typeof measure>> | undefined;
  for (let i = 1; i <= CHANGES; i += 1) {
    await page.clock.runFor(dwell * 1000);
    if (i === 200) at200 = await measure();
  }
  const end = await measure();
  const growth = (end.heap - at200!.heap) / 1024 / 1024;
  console.log(
    `preset ${PRESET}, dwell ${dwell} s, ${((CHANGES * dwell) / 3600).toFixed(1)} h simulated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(`| at change | JS heap after GC (MB) | DOM nodes |`);
  console.log(`|---:|---:|---:|`);
  console.log(`| ${at200!.changes} | ${(at200!.heap / 1024 / 1024).toFixed(2)} | ${at200!.nodes} |`);
  console.log(`| ${end.changes} | ${(end.heap / 1024 / 1024).toFixed(2)} | ${end.nodes} |`);
  console.log(`heap growth from change 200 to the end: ${growth.toFixed(3)} MB; errors: ${errors.length}`);
  if (growth >= 2 || end.nodes !== at200!.nodes || errors.length > 0 || end.changes < CHANGES) {
    failed = true;
    console.error(errors.slice(0, 5).join('\n'));
  }
} finally {
  await browser.close();
  server.close();
}
if (failed) {
  console.error('显示屏长时间运行检查未通过');
  process.exitCode = 1;
}
