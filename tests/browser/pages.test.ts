/**
 * What only a browser shows: pages complete with JavaScript off, the text-size switch, the phone
 * layout, charts. Accessibility on every page, and that no page logs an error or violates its
 * CSP, are in axe.test.ts and axe-desktop.test.ts (one load of each page serves both).
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPages, readPage } from '../helpers/dist.ts';
import { DESKTOP, PHONE, startHarness, type Harness } from '../helpers/browser.ts';

const pages = htmlPages();
/** A measure page, and one with a chart, whichever the content has. */
const measurePage = pages.find((p) => p.startsWith('/measures/'))!;
/** How many progress records the site has, each with its page. */
const records = pages.filter((p) => /^\/updates\/[^/]+\/$/.test(p)).length;
const chartPage = pages.find((p) => p.startsWith('/measures/') && readPage(p).querySelector('progress-chart'));
let h: Harness;
/**
 * Browser contexts shared by the tests that store nothing (each test opens its own page in
 * one): with JavaScript off, and a phone with JavaScript on. A new context costs about a second
 * of CPU (a renderer process, the fonts and files fetched and decoded again). The tests that
 * store a text size, add an init script, hold back or count requests get contexts of their own.
 */
let jsOff: BrowserContext;
let phone: BrowserContext;

beforeAll(async () => {
  h = await startHarness();
  jsOff = await h.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  phone = await h.browser.newContext({ viewport: PHONE });
});
afterAll(async () => {
  await h?.close();
});

describe('with JavaScript off', () => {
  it('every page shows its heading, its text and its tables', async () => {
    const page = await jsOff.newPage();
    for (const path of pages) {
      await page.goto(h.url + path);
      const seen = await page.evaluate(() => ({
        h1: document.querySelector('h1')?.textContent ?? '',
        main: document.querySelector('main')?.textContent?.length ?? 0,
        // A long chart table folds behind its <summary>, which must then be there to open it.
        tables: [...document.querySelectorAll('table')].map((t) => {
          const folded = t.closest('details:not([open])');
          return (folded ? folded.querySelector('summary')! : t).getBoundingClientRect().height;
        }),
        asOf: document.body.innerText.includes('数据截至'),
      }));
      expect(seen.h1, path).not.toBe('');
      expect(seen.main, path).toBeGreaterThan(20);
      expect(seen.asOf, path).toBe(true);
      // The display screens show charts and big numbers, not tables.
      if (!path.startsWith('/kiosk/')) for (const height of seen.tables) expect(height, `${path} table hidden`).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('the 大/中/小 switch changes the text size', async () => {
    const page = await jsOff.newPage();
    await page.goto(`${h.url}${measurePage}`);
    const size = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize));
    const medium = await size();
    await page.click('label[for="text-size-large"]');
    const large = await size();
    await page.click('label[for="text-size-small"]');
    const small = await size();
    expect(medium).toBeGreaterThanOrEqual(16);
    expect(large).toBeGreaterThan(medium);
    expect(small).toBeLessThan(medium);
    expect(small).toBeGreaterThanOrEqual(16);
    await page.close();
  });
});

describe('text size', () => {
  const size = (page: import('playwright-core').Page) =>
    page.evaluate(() => Number.parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize));

  it('is remembered across pages and visits, and is in place at first paint', async () => {
    const context = await h.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${h.url}${measurePage}`);
    const medium = await size(page);
    await page.click('label[for="text-size-large"]');
    const large = await size(page);
    expect(large).toBeGreaterThan(medium);
    await page.goto(`${h.url}/ledger/`);
    // Checked by the inline script before the page is painted: the radio is checked on arrival.
    expect(await page.isChecked('#text-size-large')).toBe(true);
    const later = await context.newPage();
    await later.goto(`${h.url}${measurePage}`);
    expect(await size(later)).toBe(large);
    await later.click('label[for="text-size-medium"]');
    await later.goto(`${h.url}/`);
    expect(await later.isChecked('#text-size-medium')).toBe(true);
    await context.close();
  });

  it('ignores a stored value it does not know, and works where storage throws', async () => {
    const context = await h.browser.newContext({ viewport: PHONE });
    await context.addInitScript(() => {
      if (location.search.includes('broken'))
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new Error('storage off');
          },
        });
      else localStorage.setItem('text-size', 'huge');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${h.url}${measurePage}`);
    expect(await page.isChecked('#text-size-medium')).toBe(true);
    await page.goto(`${h.url}${measurePage}?broken`);
    await page.click('label[for="text-size-large"]');
    expect(await page.isChecked('#text-size-large')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the phone layout', () => {
  it('answers on the home page’s first screen: the status line, the current notice and three newest records, under a header of at most a quarter of the screen', async () => {
    const page = await phone.newPage();
    await page.goto(`${h.url}/`);
    const seen = await page.evaluate(() => {
      const bottom = (el: Element | null) => (el ? el.getBoundingClientRect().bottom : Number.POSITIVE_INFINITY);
      return {
        header: bottom(document.querySelector('header')),
        status: bottom(document.querySelector('.status-line')),
        notice: bottom(document.querySelector('#notices')?.closest('section')?.querySelector('li') ?? null),
        hasNotice: Boolean(document.querySelector('#notices')),
        records: [...document.querySelectorAll('#recent ~ ol li')].slice(0, 3).map((li) => li.getBoundingClientRect().bottom),
        charts: [...document.querySelectorAll('figure.chart')].map((f) => f.getBoundingClientRect().top),
      };
    });
    expect(seen.header).toBeLessThanOrEqual(PHONE.height / 4);
    expect(seen.status).toBeLessThanOrEqual(PHONE.height);
    if (seen.hasNotice) expect(seen.notice).toBeLessThanOrEqual(PHONE.height);
    expect(seen.records).toHaveLength(Math.min(3, records));
    for (const bottom of seen.records) expect(bottom).toBeLessThanOrEqual(PHONE.height);
    for (const top of seen.charts) expect(top).toBeGreaterThan(PHONE.height);
    await page.close();
  });

  it('opens the menu in one tap, without JavaScript', async () => {
    const page = await jsOff.newPage();
    await page.goto(`${h.url}${measurePage}`);
    expect(await page.isVisible('nav[aria-label="主导航"] a[href="/ledger/"]')).toBe(false);
    await page.click('.menu summary');
    await page.click('nav[aria-label="主导航"] a[href="/ledger/"]');
    await page.waitForURL(/\/ledger\/$/);
    await page.close();
  });

  it('gives every link and control of the header and footer a tap target of at least 44 px', async () => {
    const page = await phone.newPage();
    for (const path of ['/', measurePage]) {
      await page.goto(h.url + path);
      await page.click('.menu summary');
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('header a, header summary, header label, footer a')]
          .map((el) => ({ text: el.textContent!.trim(), height: el.getBoundingClientRect().height }))
          .filter((t) => t.height < 44),
      );
      expect(small, path).toEqual([]);
    }
    await page.close();
  });

  it('never breaks a date or a unit’s name inside a chart table, and shows a cue when a table is wider than the screen', async () => {
    const page = await phone.newPage();
    await page.goto(`${h.url}/stats/`);
    const seen = await page.evaluate(() => {
      const lineHeight = (el: Element) => Number.parseFloat(getComputedStyle(el).lineHeight);
      const cells = [...document.querySelectorAll('figure.chart th')].filter((c) => c.getBoundingClientRect().height > 0);
      return {
        wrapped: cells
          .filter((c) => (c as HTMLElement).offsetHeight - 2 * Number.parseFloat(getComputedStyle(c).paddingTop) > lineHeight(c) * 1.5)
          .map((c) => c.textContent),
        wide: [...document.querySelectorAll('figure.chart .table-scroll')]
          .filter((s) => s.scrollWidth > s.clientWidth)
          .map((s) => getComputedStyle(s.nextElementSibling!).display),
      };
    });
    expect(seen.wrapped).toEqual([]);
    expect(seen.wide.length).toBeGreaterThan(0);
    // Every table that scrolls sideways says so in words on a phone.
    expect(new Set(seen.wide)).toEqual(new Set(['block']));
    await page.close();
  });

  it('uses the width of a desktop window for the ledger, grouped by problem', async () => {
    const page = await phone.newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${h.url}/ledger/`);
    const seen = await page.evaluate(() => ({
      table: document.querySelector('table')!.getBoundingClientRect().width,
      scrolls: (() => {
        const s = document.querySelector('.table-scroll')!;
        return s.scrollWidth > s.clientWidth;
      })(),
      page: document.documentElement.scrollWidth,
    }));
    expect(seen.table).toBeGreaterThan(1000);
    expect(seen.scrolls).toBe(false);
    expect(seen.page).toBeLessThanOrEqual(1280);
    await page.close();
  });
});

describe('charts', () => {
  // Reading pages; the display screens' charts are tested with the screens (tests/browser/kiosk.test.ts).
  const chartPages = pages.filter((p) => !p.startsWith('/kiosk/') && readPage(p).querySelectorAll('progress-chart').length > 0);

  it('are drawn (non-blank pixels) on every chart page, above their tables', async () => {
    expect(chartPages).toEqual(expect.arrayContaining(['/', '/stats/']));
    const page = await phone.newPage();
    for (const path of chartPages) {
      await page.goto(h.url + path);
      // Charts draw as they come near the screen: bring each into view.
      for (const el of await page.$$('progress-chart')) await el.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => [...document.querySelectorAll('progress-chart')].every((el) => el.hasAttribute('data-drawn')));
      const filled = await page.evaluate(() =>
        [...document.querySelectorAll('progress-chart canvas')].map((c) => {
          const canvas = c as HTMLCanvasElement;
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
          return painted / (canvas.width * canvas.height);
        }),
      );
      for (const share of filled) expect(share, path).toBeGreaterThan(0.01);
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll('figure.chart table')].map(
          (t) => (t.closest('details:not([open])')?.querySelector('summary') ?? t).getBoundingClientRect().height,
        ),
      );
      for (const height of tables) expect(height, path).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('fetch chart.js only when a chart nears the screen', async () => {
    const context = await h.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    expect(chartPage, 'a measure page with a chart').toBeDefined();
    await page.goto(`${h.url}${chartPage}`, { waitUntil: 'networkidle' });
    const top = await page.evaluate(() => document.querySelector('progress-chart')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(PHONE.height + 150);
    // The element's definition only.
    expect(scripts).toHaveLength(1);
    await page.locator('progress-chart').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('progress-chart')!.hasAttribute('data-drawn'));
    expect(scripts).toHaveLength(2);
    await context.close();
  });

  it('take no room with JavaScript off, and their tables stay', async () => {
    const page = await jsOff.newPage();
    await page.goto(`${h.url}/stats/`);
    const state = await page.evaluate(() => ({
      charts: [...new Set([...document.querySelectorAll('progress-chart')].map((el) => getComputedStyle(el).display))],
      tables: [...document.querySelectorAll('figure.chart table')].every(
        (t) => (t.closest('details:not([open])')?.querySelector('summary') ?? t).getBoundingClientRect().height > 0,
      ),
    }));
    expect(state).toEqual({ charts: ['none'], tables: true });
    await page.close();
  });

  it('reserve their room from the first paint, so drawing them shifts nothing', async () => {
    const context = await h.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.route('**/_astro/*.js', async (route) => {
      // Hold the chart script back to see the page as it is before the charts arrive.
      await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await page.goto(`${h.url}/stats/`, { waitUntil: 'domcontentloaded' });
    const before = await page.evaluate(() => document.querySelector('figure.chart table')!.getBoundingClientRect().top);
    await page.waitForFunction(() => document.querySelector('progress-chart')!.hasAttribute('data-ready'));
    const after = await page.evaluate(() => document.querySelector('figure.chart table')!.getBoundingClientRect().top);
    expect(after).toBe(before);
    await context.close();
  });

  it('print their tables, not the canvas', async () => {
    const page = await phone.newPage();
    await page.goto(`${h.url}/`);
    await page.waitForFunction(() => document.querySelector('progress-chart')!.hasAttribute('data-ready'));
    await page.emulateMedia({ media: 'print' });
    const state = await page.evaluate(() => ({
      canvas: getComputedStyle(document.querySelector('progress-chart')!).display,
      table: document.querySelector('figure.chart table')!.getBoundingClientRect().height > 0,
    }));
    expect(state).toEqual({ canvas: 'none', table: true });
    await page.close();
  });
});
