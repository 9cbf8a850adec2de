/**
 * npm run screenshots:kiosk: every page of every slide (notices included) of every display-screen
 * preset at the preset's size, into screenshots/kiosk/ (not committed), with the smallest font
 * size found per preset. KIOSK_ROOT points at another built project (for example a copy built
 * from the test corpus, tests/helpers/kiosk-fixture.ts); KIOSK_TIME sets the screens' clock.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkProject } from '../src/checker/index.ts';
import { launchChromium } from './browser.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(process.env['KIOSK_ROOT'] ?? join(import.meta.dirname, '..'));
const OUT = join(resolve(import.meta.dirname, '..'), 'screenshots/kiosk');
mkdirSync(OUT, { recursive: true });
const { content } = checkProject(ROOT);
const { server, url } = await serveDist(join(ROOT, 'dist'));
const browser = await launchChromium();
try {
  for (const screen of content.screens) {
    const { width, height } = screen.data;
    const page = await browser.newPage({ viewport: { width, height } });
    await page.clock.setFixedTime(new Date(process.env['KIOSK_TIME'] ?? '2026-12-10T10:00:00+08:00'));
    await page.goto(`${url}/kiosk/${screen.id}/?nosw=1`, { waitUntil: 'networkidle' });
    const ids = await page.$$eval('.slide[data-id]', (els) => els.map((e) => e.getAttribute('data-id')!));
    let smallest = Infinity;
    const shown: string[] = [];
    for (const id of ids) {
      for (let n = 1; ; n += 1) {
        await page.goto(`${url}/kiosk/${screen.id}/?slide=${encodeURIComponent(id)}&page=${n}&nosw=1`, { waitUntil: 'networkidle' });
        await page.waitForTimeout(200);
        const [at, of] = (await page.getAttribute('kiosk-screen', 'data-page'))!.split('/').map(Number);
        const min = await page.evaluate(() => {
          let m = Infinity;
          for (const el of document.querySelectorAll('.slide.active *, .bar *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || !el.textContent?.trim() || el.children.length > 0) continue;
            m = Math.min(m, Number.parseFloat(getComputedStyle(el).fontSize));
          }
          return m;
        });
        smallest = Math.min(smallest, min);
        const file = `${screen.id}-${id.replace(':', '-')}-${at}.png`;
        await page.screenshot({ path: join(OUT, file) });
        shown.push(`${id} ${at}/${of} (${min.toFixed(1)}px)`);
        if (at! >= of!) break;
      }
    }
    console.log(`${screen.id} ${width}×${height}: smallest text ${smallest.toFixed(1)}px; ${shown.join(', ')}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
