/**
 * npm run screenshots [-- /path/ ...]: screenshots pages of the built site in Debian's Chromium
 * at a phone size (360×740) and a desktop size (1280×800), into screenshots/ (not committed),
 * so a person can look at what readers see.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './browser.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'screenshots');
const paths = process.argv.slice(2);
const pages =
  paths.length > 0
    ? paths
    : ['/', '/measures/1-1/', '/measures/4-6/', '/posts/2026-10-22-xuanchuanlan/', '/posts/2026-09-10-x-cun-dongyuanhui/'];
const sizes = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
];

mkdirSync(OUT, { recursive: true });
const { server, url } = await serveDist(join(ROOT, 'dist'));
const browser = await launchChromium();
try {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    for (const path of pages) {
      await page.goto(url + path, { waitUntil: 'networkidle' });
      const name = `${size.name}${path.replaceAll('/', '_') || '_'}`;
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      // Also the page in screen-sized pieces, which are easier to look at than one tall image.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, i = 1; y < height && i <= 6; y += size.height, i += 1) {
        await page.screenshot({
          path: join(OUT, `${name}.${i}.png`),
          clip: { x: 0, y, width: size.width, height: Math.min(size.height, height - y) },
          fullPage: true,
        });
      }
      console.log(join(OUT, `${name}.png`));
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
