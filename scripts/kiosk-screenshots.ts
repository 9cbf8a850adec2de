/**
 * npm run screenshots:kiosk: every slide of every display-screen preset at the preset's size,
 * into screenshots/kiosk/ (not committed), with the smallest font size found on each slide.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { checkProject } from '../src/checker/index.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'screenshots/kiosk');
mkdirSync(OUT, { recursive: true });
const { content } = checkProject(ROOT);
const { server, url } = await serveDist(join(ROOT, 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const screen of content.screens) {
    const { width, height, slides } = screen.data;
    const page = await browser.newPage({ viewport: { width, height } });
    // A daytime moment outside every notice's window, so each slide shows as it rotates.
    await page.clock.setFixedTime(new Date(process.env.KIOSK_TIME ?? '2026-12-10T10:00:00+08:00'));
    let smallest = Infinity;
    for (const slide of [...slides, 'notice']) {
      await page.goto(`${url}/kiosk/${screen.id}/?slide=${slide}&nosw=1`, { waitUntil: 'networkidle' });
      if (slide === 'notice') {
        // Show the urgent-notice slide as it interrupts.
        await page.evaluate(() => {
          document.querySelector('.slide.active')?.classList.remove('active');
          document.querySelector('[data-slide="notice"]')!.classList.add('active');
          document.querySelector('[data-notice-title]')!.textContent = '12月党员活动日安排';
          document.querySelector('[data-notice-text]')!.textContent = '12月4日（星期五）为本月党员活动日。各党支部按统一主题组织集中学习。';
        });
      }
      await page.waitForTimeout(300);
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
      await page.screenshot({ path: join(OUT, `${screen.id}-${slide}.png`) });
    }
    console.log(`${screen.id} ${width}×${height}: smallest text ${smallest}px`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
