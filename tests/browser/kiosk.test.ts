/**
 * The display screens in Chromium, at each preset's size: slides fit, rotation, urgent notices
 * in and out of their window, night hours, and what happens when the network goes down, a new
 * build arrives, or a broken build is deployed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/serve-dist.ts';
import { checkProject } from '../../src/checker/index.ts';
import { DIST } from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { startHarness, type Harness } from '../helpers/browser.ts';

const { content } = checkProject(PROJECT_ROOT);
const screens = content.screens;
/** Daytime, after the shipped notice's window. */
const QUIET = new Date('2026-12-10T10:00:00+08:00');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Every visible element of the active slide and the footer that reaches outside the screen. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const { innerWidth: w, innerHeight: hgt } = window;
    for (const el of document.querySelectorAll('.slide.active, .slide.active *, .bar, .bar *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // The burn-in shift may move the picture by up to 3 px.
      if (r.left < -4 || r.top < -4 || r.right > w + 4 || r.bottom > hgt + 4)
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}×${Math.round(r.bottom)}`);
      const style = getComputedStyle(el);
      if (el.scrollHeight > el.clientHeight + 2 && style.overflowY === 'visible' && el.children.length === 0 && el.textContent?.trim())
        out.push(`${el.tagName.toLowerCase()} text spills`);
    }
    return out;
  });
}

describe.each(screens.map((s) => [s.id, s] as const))('preset %s', (_id, screen) => {
  it('fits every slide on the screen, without scrollbars, in type no smaller than 16 px', async () => {
    const { width, height, slides } = screen.data;
    const page = await h.browser.newPage({ viewport: { width, height } });
    await page.clock.setFixedTime(QUIET);
    for (const slide of slides) {
      await page.goto(`${h.url}/kiosk/${screen.id}/?slide=${slide}&nosw=1`, { waitUntil: 'networkidle' });
      expect(await page.getAttribute('kiosk-screen', 'data-slide'), slide).toBe(slide);
      expect(await overflowing(page), `${screen.id} ${slide}`).toEqual([]);
      const scroll = await page.evaluate(() => [
        document.documentElement.scrollWidth > innerWidth,
        document.documentElement.scrollHeight > innerHeight,
      ]);
      expect(scroll, slide).toEqual([false, false]);
      const smallest = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll('.slide.active *, .bar *')]
            .filter((e) => e.children.length === 0 && e.textContent?.trim() && e.getBoundingClientRect().width > 0)
            .map((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
        ),
      );
      expect(smallest, slide).toBeGreaterThanOrEqual(16);
      if (await page.$('.slide.active progress-chart')) {
        await page.waitForSelector('.slide.active progress-chart[data-drawn]', { state: 'attached' });
        const painted = await page.$eval('.slide.active canvas', (c) => {
          const canvas = c as HTMLCanvasElement;
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n += 1;
          return n / (canvas.width * canvas.height);
        });
        expect(painted, `${screen.id} chart`).toBeGreaterThan(0.01);
      }
    }
    await page.close();
  });
});

describe('rotation, notices and night', () => {
  const tv = screens.find((s) => s.id === 'tv-1080p')!;
  const notice = content.notices.find((n) => n.data.urgent)!;

  it('advances by itself after the dwell time', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.clock.install({ time: QUIET });
    await page.goto(`${h.url}/kiosk/${tv.id}/?nosw=1`);
    const seen = [await page.getAttribute('kiosk-screen', 'data-slide')];
    for (let i = 0; i < tv.data.slides.length; i += 1) {
      await page.clock.runFor(tv.data.dwellSeconds * 1000);
      seen.push(await page.getAttribute('kiosk-screen', 'data-slide'));
    }
    expect(seen.slice(1, tv.data.slides.length + 1)).toEqual([...tv.data.slides.slice(1), tv.data.slides[0]]);
    await page.close();
  });

  it('interrupts with an urgent notice inside its window, and only then', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const start = new Date(`${notice.data.start.replace(' ', 'T')}:00+08:00`);
    const end = new Date(`${notice.data.end.replace(' ', 'T')}:00+08:00`);
    await page.clock.install({ time: new Date(start.getTime() - 90_000) });
    await page.goto(`${h.url}/kiosk/${tv.id}/?nosw=1`);
    const shown = () => page.evaluate(() => document.querySelector('[data-slide="notice"]')!.classList.contains('active'));
    expect(await shown()).toBe(false);
    await page.clock.runFor(120_000);
    expect(await shown()).toBe(true);
    expect(await page.textContent('[data-notice-title]')).toBe(notice.data.title);
    expect(await page.evaluate(() => document.querySelectorAll('.slide.active').length)).toBe(1);
    await page.clock.setSystemTime(new Date(end.getTime() + 1000));
    await page.clock.runFor(2000);
    expect(await shown()).toBe(false);
    expect(await page.evaluate(() => document.querySelectorAll('.slide.active').length)).toBe(1);
    await page.close();
  });

  it('dims or blanks in the night hours set by the preset', async () => {
    for (const screen of screens.filter((s) => s.data.night)) {
      const page = await h.browser.newPage({ viewport: { width: screen.data.width, height: screen.data.height } });
      await page.clock.install({ time: new Date(`2026-12-10T${screen.data.night!.from}:00+08:00`) });
      await page.goto(`${h.url}/kiosk/${screen.id}/?nosw=1`);
      await page.clock.runFor(1000);
      expect(await page.getAttribute('kiosk-screen', 'data-night'), screen.id).toBe(screen.data.night!.mode);
      await page.clock.setSystemTime(new Date(`2026-12-11T${screen.data.night!.to}:00+08:00`));
      await page.clock.runFor(1000);
      expect(await page.getAttribute('kiosk-screen', 'data-night'), screen.id).toBeNull();
      await page.close();
    }
  });

  it('computes countdowns in the browser, so they stay right after midnight without a reload', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const evening = new Date('2026-12-10T23:59:00+08:00');
    await page.clock.install({ time: evening });
    await page.goto(`${h.url}/kiosk/${tv.id}/?slide=dates&nosw=1`);
    await page.clock.runFor(1000);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const [deadline, before] = await page.$eval('[data-countdown]', (el) => [el.getAttribute('data-countdown')!, el.textContent!]);
    const next = await page.getAttribute('[data-next-activity-day]', 'data-next-activity-day');
    await page.clock.runFor(2 * 60_000); // past midnight, before the 04:00 daily reload
    const after = await page.$eval('[data-countdown]', (el) => el.textContent);
    const daysFrom = (day: string) => Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
    const words = (n: number) => (n > 0 ? `还剩 ${n} 天` : n === 0 ? '今天到期' : `已逾期 ${-n} 天`);
    expect(before).toBe(words(daysFrom('2026-12-10')));
    expect(after).toBe(words(daysFrom('2026-12-11')));
    expect(next).toBe('2027-01-01');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.close();
  });
});

describe('network and deploys', () => {
  let root: string;
  let server: Server;
  let url: string;
  const kioskFile = () => join(root, 'kiosk/tv-1080p/index.html');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kiosk-dist-'));
    cpSync(DIST, root, { recursive: true });
    ({ server, url } = await serveDist(root));
  });
  afterAll(() => {
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps showing content offline, ignores a broken deploy, and picks up a whole new build', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.clock.install({ time: QUIET });
    await page.goto(`${url}/kiosk/tv-1080p/`);
    await page.waitForSelector('kiosk-screen[data-offline-ready]', { state: 'attached' });
    const oldBuild = await page.getAttribute('kiosk-screen', 'data-build');

    // Network cut (the server is gone: connections refused): the screen keeps its content, and
    // even a reload is answered by the service worker with the last good page.
    const port = Number(new URL(url).port);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await page.clock.runFor(61_000);
    expect(await page.getAttribute('kiosk-screen', 'data-build')).toBe(oldBuild);
    await page.reload();
    expect(await page.getAttribute('kiosk-screen', 'data-build')).toBe(oldBuild);
    expect(await page.evaluate(() => document.querySelectorAll('.slide').length)).toBeGreaterThan(3);
    ({ server } = await serveDist(root, port));

    // Broken deploy: the version moves on, but the new kiosk page is an error, then cut off.
    const original = readFileSync(kioskFile(), 'utf8');
    writeFileSync(join(root, 'version.json'), JSON.stringify({ build: 'broken-build' }));
    writeFileSync(kioskFile(), '');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.clock.runFor(61_000);
    await page.waitForTimeout(500);
    writeFileSync(kioskFile(), original.replace(`data-build="${oldBuild}"`, 'data-build="broken-build"').slice(0, 2000));
    await page.clock.runFor(61_000);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    // A whole new build: the screen reloads into it.
    writeFileSync(join(root, 'version.json'), JSON.stringify({ build: 'new-build' }));
    writeFileSync(kioskFile(), original.replace(`data-build="${oldBuild}"`, 'data-build="new-build"'));
    const reloaded = page.waitForEvent('load');
    await page.clock.runFor(61_000);
    await reloaded;
    await page.waitForSelector('kiosk-screen');
    expect(await page.getAttribute('kiosk-screen', 'data-build')).toBe('new-build');
    await context.close();
  });
});
