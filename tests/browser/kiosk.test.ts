/**
 * The display screens in Chromium, at each preset's size, on a corpus written for them
 * (tests/fixtures/kiosk: a 300-character urgent notice, an ordinary notice, 60-character area
 * and measure titles, one 46-character title that takes one more line on the LED wall once the
 * screen rewrites its countdown, ten open deadlines, a public address): every page of every
 * slide shows its text whole, every line inside the slide and above the footer, also with the
 * text the screen's own clock writes months after the build; notices take turns without freezing the rotation; QR codes decode to the
 * address; night dims the whole screen and blank is black; and what happens when the network
 * goes down, a new build arrives, or a broken build is deployed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serveDist } from '../../scripts/serve-dist.ts';
import { startHarness, type Harness } from '../helpers/browser.ts';
import { brightest, decodeQr, meanLuminance } from '../helpers/images.ts';
import { buildKioskFixture, sharedKioskFixture, FIXTURE_SITE_URL, KIOSK_FIXTURE, type FixtureBuild } from '../helpers/kiosk-fixture.ts';

interface Preset {
  id: string;
  width: number;
  height: number;
  dwellSeconds: number;
  noticeSeconds?: number;
  urgentEvery?: number;
  minFontSize?: number;
  slides: string[];
  night?: { from: string; to: string; mode: 'dim' | 'blank' };
}
const SCREENS = join(KIOSK_FIXTURE, 'src/content/screens');
const presets: Preset[] = readdirSync(SCREENS).map((f) => ({
  id: f.replace('.yaml', ''),
  ...(parse(readFileSync(join(SCREENS, f), 'utf8')) as Omit<Preset, 'id'>),
}));
const noticeBody = (file: string) =>
  readFileSync(join(KIOSK_FIXTURE, 'src/content/notices', file), 'utf8')
    .split('---\n')
    .at(-1)!
    .trim();
const fixtureTitle = (path: string) => /^title: (.*)$/m.exec(readFileSync(join(KIOSK_FIXTURE, 'src/content', path), 'utf8'))![1]!;
/** Inside the urgent notice's window (2026-11-23 08:00 to 2026-12-04 18:00) and the ordinary one's. */
const IN_WINDOW = new Date('2026-11-27T10:00:00+08:00');
/** Daytime after the urgent notice's window; the ordinary notice still runs. */
const QUIET = new Date('2026-12-10T10:00:00+08:00');
/** Long after the build (2026-11-26): every deadline of the corpus overdue by 100 days or more. */
const LATE = new Date('2027-10-15T10:00:00+08:00');

let build: FixtureBuild;
let h: Harness;
/**
 * One page for every test that only needs the clock stopped at a moment: each sets the screen's
 * size and the moment, then loads the screen afresh. A new browser context costs about a second
 * of CPU (a renderer process, then the page's fonts and files fetched and decoded again); the
 * screens keep those cached in the same way when they run for weeks. Tests that run the clock
 * (clock.install, once per context) or need a cold start get their own context.
 */
let still: Page;
beforeAll(async () => {
  build = sharedKioskFixture();
  h = await startHarness(build.dist);
  still = await (await h.browser.newContext()).newPage();
});
afterAll(async () => {
  await h?.close();
  build?.remove();
});

/** The shared page at the preset's size, its clock stopped at `time`. */
async function stillScreen(preset: Preset, time: Date): Promise<Page> {
  await still.setViewportSize({ width: preset.width, height: preset.height });
  await still.clock.setFixedTime(time);
  return still;
}

/**
 * Opens a screen and waits until it shows what it will keep showing: the page loaded, the fonts
 * it uses loaded, and the text fitted to them (the screen refits when fonts arrive) and painted.
 * Playwright's 'networkidle' waited for the same plus half a second of silence on every load.
 */
async function openScreen(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async () => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // A layout first, so that every font the shown text needs has been asked for.
    await frames();
    await document.fonts.ready;
    await frames();
  });
}

/**
 * What is wrong with the active slide as shown: anything outside the screen or spilling out of
 * the slide, a text box whose content is larger than the box (clipped), an ellipsis or line
 * clamp, text smaller than `min` px.
 */
function problems(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const slide = document.querySelector<HTMLElement>('.slide.active')!;
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${el.textContent?.trim().slice(0, 12)}”`;
    if (slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth)
      out.push(`slide spills: ${slide.scrollWidth}×${slide.scrollHeight} in ${slide.clientWidth}×${slide.clientHeight}`);
    if (document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight) out.push('page scrolls');
    if (slide.innerText.includes('…')) out.push('ellipsis in the text');
    for (const el of [slide, ...slide.querySelectorAll('*'), ...document.querySelectorAll('.bar, .bar *')]) {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      // The burn-in shift may move the picture by up to 3 px.
      if (r.left < -4 || r.top < -4 || r.right > innerWidth + 4 || r.bottom > innerHeight + 4) out.push(`${name(el)} outside the screen`);
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!ownText) continue;
      if (style.display !== 'inline' && (el.scrollWidth !== el.clientWidth || el.scrollHeight !== el.clientHeight))
        out.push(`${name(el)} clipped: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
      if (style.textOverflow === 'ellipsis' || (style.webkitLineClamp && style.webkitLineClamp !== 'none'))
        out.push(`${name(el)} ellipsis or line clamp`);
      if (Number.parseFloat(style.fontSize) < min) out.push(`${name(el)} ${style.fontSize} < ${min}px`);
    }
    // Every line of text, by its own box (a clipped last line leaves every element's box intact
    // when an ancestor hides the overflow): inside the slide, which clips, and above the footer.
    // A line's glyph box may stand out of its line box by the half-leading when line-height is
    // below the font's content height; that much is allowed.
    const stage = slide.getBoundingClientRect();
    const bar = document.querySelector('.bar')!.getBoundingClientRect();
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const parent = node.parentElement!;
      const lineHeight = Number.parseFloat(getComputedStyle(parent).lineHeight);
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        if (line.width === 0) continue;
        const slack = Number.isFinite(lineHeight) ? Math.max(0, (line.height - lineHeight) / 2) + 1 : 1;
        const text = node.textContent.trim().slice(0, 12);
        if (
          line.top < stage.top - slack ||
          line.bottom > stage.bottom + slack ||
          line.left < stage.left - 1 ||
          line.right > stage.right + 1
        )
          out.push(
            `line of “${text}” outside the slide: ${line.top.toFixed(1)}–${line.bottom.toFixed(1)} in ${stage.top.toFixed(1)}–${stage.bottom.toFixed(1)}`,
          );
        else if (line.bottom > bar.top + slack) out.push(`line of “${text}” under the footer`);
      }
    }
    return out;
  }, min);
}

/** The smallest text on the active slide and the footer, in px. */
const smallestFont = (page: Page) =>
  page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('.slide.active *, .bar *')]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
        .filter((e) => e.getBoundingClientRect().width > 0)
        .map((e) => Number.parseFloat(getComputedStyle(e).fontSize)),
    ),
  );

/** A record of what each preset did, printed at the end for the report. */
const record: Record<string, Record<string, unknown>> = {};
afterAll(() => {
  console.log(`display screens on the test corpus:\n${JSON.stringify(record, null, 1)}`);
});
const note = (preset: string, key: string, value: unknown) => ((record[preset] ??= {})[key] = value);

describe.each(presets.map((p) => [p.id, p] as const))('preset %s', (_id, preset) => {
  const min = preset.minFontSize ?? 16;

  it('shows every slide and notice whole, on as many pages as it needs: nothing clipped, no ellipsis, no text below the minimum', async () => {
    const page = await stillScreen(preset, IN_WINDOW);
    await page.goto(`${h.url}/kiosk/${preset.id}/?nosw=1`);
    const ids = await page.$$eval('.slide[data-id]', (els) => els.map((e) => e.getAttribute('data-id')!));
    expect(ids).toEqual([...preset.slides, 'notice:o', 'notice:n']);
    let smallest = Infinity;
    const pagesPerSlide: Record<string, number> = {};
    const shownText: Record<string, string> = {};
    const shownPieces: Record<string, string> = {};
    for (const id of ids) {
      const seen: string[] = [];
      for (let n = 1; ; n += 1) {
        await openScreen(page, `${h.url}/kiosk/${preset.id}/?slide=${id}&page=${n}&nosw=1`);
        expect(await page.getAttribute('kiosk-screen', 'data-slide')).toBe(id);
        const [at, of] = (await page.getAttribute('kiosk-screen', 'data-page'))!.split('/').map(Number);
        expect(at, `${id} page ${n}`).toBe(n);
        expect(await problems(page, min), `${preset.id} ${id} page ${n}`).toEqual([]);
        smallest = Math.min(smallest, await smallestFont(page));
        seen.push(...(await page.$$eval('.slide.active [data-piece]:not(.off)', (els) => els.map((e) => (e as HTMLElement).innerText))));
        shownText[id] = `${shownText[id] ?? ''}${await page.$eval('.slide.active', (s) => (s as HTMLElement).innerText)}`;
        if (await page.$('.slide.active progress-chart')) {
          await page.waitForSelector('.slide.active progress-chart[data-drawn]', { state: 'attached' });
          const painted = await page.$eval('.slide.active canvas', (c) => {
            const canvas = c as HTMLCanvasElement;
            const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
            let count = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
            return count / (canvas.width * canvas.height);
          });
          expect(painted, `${preset.id} chart`).toBeGreaterThan(0.01);
        }
        if (at === of) {
          pagesPerSlide[id] = of!;
          break;
        }
      }
      // Every piece of the slide shows on exactly one of its pages, in order.
      const all = await page.$$eval('.slide.active [data-piece]', (els) => els.map((e) => e.textContent!.replace(/\s+/g, '')));
      expect(
        seen.map((t) => t.replace(/\s+/g, '')),
        `${preset.id} ${id}`,
      ).toEqual(all);
      shownPieces[id] = seen.join('');
    }
    // The long texts of the corpus, in full.
    const flat = (s: string) => s.replace(/\s+/g, '');
    expect(flat(shownPieces['notice:n']!)).toBe(noticeBody('n.md'));
    expect(flat(shownText['notice:n']!)).toContain(fixtureTitle('notices/n.md'));
    if (preset.slides.includes('areas'))
      for (const a of [1, 2, 3, 4, 5]) expect(flat(shownText['areas']!)).toContain(fixtureTitle(`areas/${a}.md`));
    if (preset.slides.includes('dates')) {
      for (const m of ['1-3', '2-1', '2-2', '2-3', '3-1', '3-2', '4-1', '4-2', '5-1', '5-2'])
        expect(flat(shownText['dates']!)).toContain(flat(fixtureTitle(`measures/${m}.md`)));
    }
    expect(smallest).toBeGreaterThanOrEqual(min);
    note(preset.id, 'smallest font (px)', smallest);
    note(preset.id, 'pages per slide', pagesPerSlide);
  });

  it.runIf(preset.slides.includes('dates'))(
    'fits the schedule to the text its own clock writes: months after the build, and across midnight',
    async () => {
      // The page is built with countdowns for the build date; the screen rewrites them (and the
      // next 党员活动日) from its own clock once it runs, and every item's text grows.
      const page = await stillScreen(preset, LATE);
      for (let n = 1; ; n += 1) {
        await openScreen(page, `${h.url}/kiosk/${preset.id}/?slide=dates&page=${n}&nosw=1`);
        expect(await page.textContent('.slide.active [data-countdown]')).toMatch(/^已逾期 \d{3} 天$/);
        expect(await problems(page, min), `${preset.id} dates page ${n} on ${LATE.toISOString()}`).toEqual([]);
        const [at, of] = (await page.getAttribute('kiosk-screen', 'data-page'))!.split('/').map(Number);
        if (at! >= of!) break;
      }
      // Running: the countdowns change at midnight while the slide shows.
      const running = await h.browser.newPage({ viewport: { width: preset.width, height: preset.height } });
      await running.clock.install({ time: new Date(LATE.getTime() - 10 * 3_600_000 - 30_000) });
      await running.goto(`${h.url}/kiosk/${preset.id}/?slide=dates&nosw=1`);
      await running.clock.runFor(60_000);
      expect(await problems(running, min), `${preset.id} dates after midnight`).toEqual([]);
      await running.close();
    },
  );

  it('inside an urgent notice’s window, shows the notice at least every urgentEvery slides and keeps rotating for 10 minutes', async () => {
    const page = await h.browser.newPage({ viewport: { width: preset.width, height: preset.height } });
    await page.clock.install({ time: IN_WINDOW });
    await page.goto(`${h.url}/kiosk/${preset.id}/?nosw=1`);
    const shown: string[] = [];
    const look = async () => {
      // One entry per item, not per page (the same item never shows twice in a row).
      const id = (await page.getAttribute('kiosk-screen', 'data-slide'))!;
      if (shown.at(-1) !== id) shown.push(id);
      expect(await page.evaluate(() => document.querySelectorAll('.slide.active').length)).toBe(1);
    };
    await look();
    for (let t = 0; t < 600; t += 5) {
      await page.clock.runFor(5000);
      await look();
    }
    expect(shown[0], 'an urgent notice in force shows first').toBe('notice:n');
    const others = new Set(shown.filter((s) => s !== 'notice:n'));
    expect(others.size, shown.join(' ')).toBeGreaterThanOrEqual(3);
    expect(others.has('notice:o'), 'the ordinary notice takes its turn').toBe(true);
    const every = preset.urgentEvery ?? 3;
    for (let i = 0; i + every <= shown.length; i += 1) expect(shown.slice(i, i + every), shown.join(' ')).toContain('notice:n');
    note(preset.id, 'shown in 10 minutes inside the notice window', shown.join(' → '));
    await page.close();
  });

  it.runIf(preset.slides.includes('qr'))('has a QR code that decodes to the public address', async () => {
    const page = await stillScreen(preset, QUIET);
    await openScreen(page, `${h.url}/kiosk/${preset.id}/?slide=qr&nosw=1`);
    expect(decodeQr(await page.screenshot())).toBe(FIXTURE_SITE_URL);
  });

  it.runIf(preset.night)('at night gives at most 20% of the day’s light when dimmed, and none when blank', async () => {
    const shot = async (time: Date) => {
      const page = await stillScreen(preset, time);
      await openScreen(page, `${h.url}/kiosk/${preset.id}/?slide=${preset.slides[0]}&nosw=1`);
      const night = await page.getAttribute('kiosk-screen', 'data-night');
      return { night, png: await page.screenshot() };
    };
    const day = await shot(QUIET);
    const dark = await shot(new Date(`2026-12-10T${preset.night!.from}:00+08:00`));
    expect(day.night).toBeNull();
    expect(dark.night).toBe(preset.night!.mode);
    if (preset.night!.mode === 'blank') {
      expect(brightest(dark.png)).toBe(0);
      note(preset.id, 'night', 'blank: every pixel black');
    } else {
      const ratio = meanLuminance(dark.png) / meanLuminance(day.png);
      expect(ratio).toBeLessThanOrEqual(0.2);
      note(preset.id, 'night luminance / day', Number(ratio.toFixed(3)));
    }
    // And the morning brings the day back.
    const morning = await shot(new Date(`2026-12-11T${preset.night!.to}:00+08:00`));
    expect(morning.night).toBeNull();
  });
});

describe('rotation and notices over time', () => {
  const tv = presets.find((p) => p.id === 'tv')!;

  it('advances by itself after the dwell time, the ordinary notice taking its turn after the slides', async () => {
    const page = await h.browser.newPage({ viewport: { width: tv.width, height: tv.height } });
    await page.clock.install({ time: QUIET });
    await page.goto(`${h.url}/kiosk/${tv.id}/?nosw=1`);
    const seen = [(await page.getAttribute('kiosk-screen', 'data-slide'))!];
    for (let i = 0; i < tv.slides.length + 1; i += 1) {
      const notice = seen.at(-1)!.startsWith('notice:');
      await page.clock.runFor((notice ? (tv.noticeSeconds ?? tv.dwellSeconds) : tv.dwellSeconds) * 1000);
      seen.push((await page.getAttribute('kiosk-screen', 'data-slide'))!);
    }
    expect(seen).toEqual([...tv.slides, 'notice:o', tv.slides[0]]);
    await page.close();
  });

  it('interrupts when an urgent notice comes into force, and lets go when its window closes', async () => {
    const page = await h.browser.newPage({ viewport: { width: tv.width, height: tv.height } });
    await page.clock.install({ time: new Date('2026-11-23T07:59:30+08:00') });
    await page.goto(`${h.url}/kiosk/${tv.id}/?nosw=1`);
    const current = () => page.getAttribute('kiosk-screen', 'data-slide');
    expect(await current()).toBe(tv.slides[0]);
    await page.clock.runFor(31_000);
    expect(await current()).toBe('notice:n');
    await page.clock.setSystemTime(new Date('2026-12-04T17:59:58+08:00'));
    // Wait for the notice's own turn, then pass the end of its window while it shows.
    for (let i = 0; i < 120 && (await current()) !== 'notice:n'; i += 1) await page.clock.runFor(1000);
    await page.clock.setSystemTime(new Date('2026-12-04T18:00:01+08:00'));
    await page.clock.runFor(1000);
    expect(await current()).not.toBe('notice:n');
    const later: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      await page.clock.runFor(tv.dwellSeconds * 1000);
      later.push((await current())!);
    }
    expect(later).not.toContain('notice:n');
    expect(await page.evaluate(() => document.querySelectorAll('.slide.active').length)).toBe(1);
    await page.close();
  });

  it('computes countdowns in the browser, so they stay right after midnight without a reload', async () => {
    const page = await h.browser.newPage({ viewport: { width: tv.width, height: tv.height } });
    await page.clock.install({ time: new Date('2026-12-10T23:59:00+08:00') });
    await page.goto(`${h.url}/kiosk/${tv.id}/?slide=dates&nosw=1`);
    await page.clock.runFor(1000);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const [deadline, before] = await page.$eval('[data-countdown]', (el) => [el.getAttribute('data-countdown')!, el.textContent!]);
    // The fixture's 主题党日 is the second Thursday of the month: 2026-12-10, then 2027-01-14.
    const nextBefore = await page.$eval('[data-next-occurrence]', (el) => el.textContent);
    await page.clock.runFor(2 * 60_000); // past midnight, before the 04:00 daily reload
    const after = await page.$eval('[data-countdown]', (el) => el.textContent);
    const daysFrom = (day: string) => Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
    const words = (n: number) => (n > 0 ? `还剩 ${n} 天` : n === 0 ? '今天到期' : `已逾期 ${-n} 天`);
    expect(before).toBe(words(daysFrom('2026-12-10')));
    expect(after).toBe(words(daysFrom('2026-12-11')));
    expect(nextBefore).toBe('2026年12月10日');
    expect(await page.$eval('[data-next-occurrence]', (el) => el.textContent)).toBe('2027年1月14日');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.close();
  });
});

describe('the public address', () => {
  it('is what canonical, share and sitemap URLs use', () => {
    const home = readFileSync(join(build.dist, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${FIXTURE_SITE_URL}"`);
    expect(home).toContain(`<meta property="og:url" content="${FIXTURE_SITE_URL}"`);
    expect(readFileSync(join(build.dist, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${FIXTURE_SITE_URL}measures/1-1/</loc>`);
    expect(JSON.parse(readFileSync(join(build.dist, 'version.json'), 'utf8')).site).toBe(FIXTURE_SITE_URL);
    expect(build.output).not.toContain('未设置网站网址');
  });

  it('is where the bulletin boards’ QR codes lead: to the branch’s page', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    await page.goto(`${h.url}/boards/x-cun/`);
    const code = (await page.$('.qr .code'))!;
    expect(decodeQr(await code.screenshot())).toBe(new URL('/units/x-cun/', FIXTURE_SITE_URL).href);
    await page.close();
  });
});

describe('a build without a public address', () => {
  let bare: FixtureBuild;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    bare = buildKioskFixture({ withoutAddress: true });
    ({ server, url } = await serveDist(bare.dist));
  });
  afterAll(() => {
    server?.close();
    bare?.remove();
  });

  it('warns in Chinese, and the screens and boards say 未设置网址 instead of showing a code', async () => {
    expect(bare.output).toContain('未设置网站网址：二维码处显示“未设置网址”');
    expect(JSON.parse(readFileSync(join(bare.dist, 'version.json'), 'utf8')).site).toBeNull();
    const page = await stillScreen(
      presets.find((p) => p.id === 'tv')!,
      QUIET,
    );
    await openScreen(page, `${url}/kiosk/tv/?slide=qr&nosw=1`);
    expect(await page.textContent('.slide.active .code')).toContain('未设置网址');
    expect(await page.$('.slide.active svg')).toBeNull();
    expect(decodeQr(await page.screenshot())).toBeUndefined();
    await page.goto(`${url}/boards/x-cun/`);
    expect(await page.textContent('.qr .code')).toContain('未设置网址');
    expect(await page.$('.qr svg')).toBeNull();
  });
});

describe('network and deploys', () => {
  let root: string;
  let server: Server;
  let url: string;
  const kioskFile = () => join(root, 'kiosk/tv/index.html');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kiosk-dist-'));
    cpSync(build.dist, root, { recursive: true });
    ({ server, url } = await serveDist(root));
  });
  afterAll(() => {
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps showing content offline, ignores a broken deploy, and picks up a whole new build', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.clock.install({ time: QUIET });
    await page.goto(`${url}/kiosk/tv/`);
    const firstLoad = requests.length;
    await page.waitForSelector('kiosk-screen[data-offline-ready]', { state: 'attached' });
    // The offline copy: the page and its files once more, through the service worker, and no more.
    const offlineCopy = requests.length - firstLoad;
    expect(offlineCopy).toBeGreaterThan(0);
    expect(offlineCopy).toBeLessThanOrEqual(firstLoad);
    note('tv', 'requests on start / again for the offline copy', `${firstLoad} / ${offlineCopy}`);
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
