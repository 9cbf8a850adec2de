/**
 * npm run bench:pages: loads pages of the built site in Chromium at 360×740, each in a fresh
 * context (nothing cached, as for a reader arriving from WeChat), and prints the bytes on the
 * wire (gzip, as served) by type and the request count. Budgets (exit 1 when one is over):
 *
 * - the home page and every measure page, first load before scrolling: ≤ 15 KB and ≤ 3 requests;
 * - a reading page without charts: ≤ 12 KB, no JavaScript file, ≤ 1 KB of inline script;
 * - a page with charts, after scrolling to every chart (chart.js fetched and drawn): ≤ 75 KB in all.
 *
 * The first search on a phone (the page and Pagefind's JS, worker, WebAssembly and index
 * chunks) is reported, not budgeted.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIRST_LOAD_KB = 15;
const FIRST_LOAD_REQUESTS = 3;
const READING_KB = 12;
const INLINE_JS_BYTES = 1024;
const SCROLLED_KB = 75;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}
const measures = readdirSync(join(ROOT, 'dist/measures'))
  .filter((id) => statSync(join(ROOT, 'dist/measures', id)).isDirectory())
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  .map((id) => `/measures/${id}/`);
const posts = readdirSync(join(ROOT, 'dist/posts')).filter((id) => id !== 'page' && statSync(join(ROOT, 'dist/posts', id)).isDirectory());

interface Target {
  path: string;
  /** First load before scrolling: KB and requests. */
  firstLoad?: boolean;
  waitFor?: string;
  /** A reading page's own budget in KB, when not READING_KB. */
  readingKb?: number;
}
const PAGES: Target[] = [
  { path: '/', firstLoad: true },
  ...measures.map((path) => ({ path, firstLoad: true })),
  { path: '/ledger/' },
  // The whole plan on one page, as published: its text alone is about 10 KB gzip.
  { path: '/plan/', readingKb: 16 },
  ...posts.slice(0, 2).map((id) => ({ path: `/posts/${id}/` })),
  { path: '/stats/' },
  { path: '/units/' },
  { path: `/search/?q=${encodeURIComponent('三会一课')}`, waitFor: '[data-results] li' },
];

const { server, url } = await serveDist(join(ROOT, 'dist'));
const browser = await launchChromium();

interface Tally {
  requests: number;
  byType: Record<string, number>;
  total: number;
}

/** Requests finished so far and their bytes on the wire, by type. */
async function tally(requests: { type: string; bytes: Promise<number> }[]): Promise<Tally> {
  const byType: Record<string, number> = { document: 0, stylesheet: 0, script: 0, image: 0, other: 0 };
  for (const r of requests) {
    const key = r.type in byType ? r.type : 'other';
    byType[key] = (byType[key] ?? 0) + (await r.bytes);
  }
  return { requests: requests.length, byType, total: Object.values(byType).reduce((a, b) => a + b, 0) };
}

/** Scrolls to every chart, as a reader reading on would, and waits until each is drawn. */
async function scrollToCharts(page: Page): Promise<void> {
  for (const el of await page.$$('progress-chart')) await el.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('progress-chart')].every((el) => el.hasAttribute('data-drawn')));
  await page.waitForLoadState('networkidle');
}

const kb = (n: number) => (n / 1024).toFixed(1);
const problems: string[] = [];
console.log(
  '| page | requests | html KB | js KB | other KB | first load KB (gzip) | inline JS B | after scrolling to charts KB | budget |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
try {
  for (const { path, firstLoad, waitFor, readingKb = READING_KB } of PAGES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const requests: { type: string; bytes: Promise<number> }[] = [];
    page.on('requestfinished', (r) => {
      requests.push({ type: r.resourceType(), bytes: r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize) });
    });
    await page.goto(url + path, { waitUntil: 'networkidle' });
    if (waitFor) await page.waitForSelector(waitFor);
    const first = await tally(requests);
    const inlineJs = await page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
    );
    const charts = await page.$$eval('progress-chart', (els) => els.length);
    let scrolled: Tally | undefined;
    if (charts > 0) {
      await scrollToCharts(page);
      scrolled = await tally(requests);
    }
    const budget: string[] = [];
    if (!waitFor) {
      if (firstLoad) {
        budget.push(`≤ ${FIRST_LOAD_KB} KB, ≤ ${FIRST_LOAD_REQUESTS} req`);
        if (first.total / 1024 > FIRST_LOAD_KB) problems.push(`${path}: 首屏 ${kb(first.total)} KB > ${FIRST_LOAD_KB} KB`);
        if (first.requests > FIRST_LOAD_REQUESTS) problems.push(`${path}: 首屏 ${first.requests} 个请求 > ${FIRST_LOAD_REQUESTS}`);
      } else if (charts === 0) {
        budget.push(`≤ ${readingKb} KB, no JS file`);
        if (first.total / 1024 > readingKb) problems.push(`${path}: ${kb(first.total)} KB > ${readingKb} KB`);
        if (first.byType['script']! > 0) problems.push(`${path}: 阅读页加载了脚本文件`);
      }
      if (charts === 0) {
        budget.push(`inline JS ≤ ${INLINE_JS_BYTES} B`);
        if (inlineJs > INLINE_JS_BYTES) problems.push(`${path}: 内联脚本 ${inlineJs} B > ${INLINE_JS_BYTES} B`);
      }
      if (scrolled) {
        budget.push(`scrolled ≤ ${SCROLLED_KB} KB`);
        if (scrolled.total / 1024 > SCROLLED_KB) problems.push(`${path}: 滚动到图表后 ${kb(scrolled.total)} KB > ${SCROLLED_KB} KB`);
      }
    }
    console.log(
      `| ${path} | ${first.requests} | ${kb(first.byType['document']!)} | ${kb(first.byType['script']!)} | ${kb(first.total - first.byType['document']! - first.byType['script']!)} | ${kb(first.total)} | ${inlineJs} | ${scrolled ? `${kb(scrolled.total)} (${scrolled.requests} req)` : '—'} | ${budget.join('; ') || 'reported'} |`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const indexFiles = listFiles(join(ROOT, 'dist/pagefind'));
const indexBytes = indexFiles.reduce((sum, f) => sum + statSync(join(ROOT, 'dist/pagefind', f)).size, 0);
console.log(`\nPagefind index (dist/pagefind): ${indexFiles.length} files, ${(indexBytes / 1024).toFixed(0)} KB on disk`);
if (problems.length > 0) {
  console.error(`\n超出页面重量预算：\n${problems.join('\n')}`);
  process.exitCode = 1;
}
