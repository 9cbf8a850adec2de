/**
 * npm run bench:pages: loads the home page, a measure page, the ledger and a post of the built
 * site in Chromium at 360×740 and prints the bytes on the wire (gzip, as served) by type and
 * the request count. Budgets: a reading page ≤ 12 KB and ≤ 3 requests without JavaScript; the
 * home page ≤ 20 KB before its charts' script; a chart page's JavaScript ≤ 60 KB.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}
const PAGES = [
  { path: '/', budget: 20 },
  { path: '/measures/1-1/', budget: 12 },
  { path: '/measures/3-1/', budget: 12 },
  { path: '/ledger/', budget: 12 },
  { path: '/posts/2026-09-10-x-cun-dongyuanhui/', budget: 12 },
  { path: '/posts/2026-10-22-xuanchuanlan/', budget: 12 },
  { path: '/stats/', budget: 20 },
  // The first search on a phone: the page, its script, Pagefind's JS, worker, WebAssembly and index chunks.
  { path: `/search/?q=${encodeURIComponent('三会一课')}`, budget: 20, waitFor: '[data-results] li' },
];
const JS_BUDGET_KB = 60;

const { server, url } = await serveDist(join(ROOT, 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let over = false;
console.log(
  '| page | requests | html KB | css KB | js KB | img KB | other KB | total KB (gzip) | without JS KB | budget KB (without JS) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
try {
  for (const { path, budget, waitFor } of PAGES as { path: string; budget: number; waitFor?: string }[]) {
    // A fresh context per page: nothing cached, as for a reader arriving from WeChat.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const requests: { type: string; bytes: Promise<number> }[] = [];
    page.on('requestfinished', (r) => {
      requests.push({ type: r.resourceType(), bytes: r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize) });
    });
    await page.goto(url + path, { waitUntil: 'networkidle' });
    if (waitFor) await page.waitForSelector(waitFor);
    const byType: Record<string, number> = { document: 0, stylesheet: 0, script: 0, image: 0, other: 0 };
    for (const r of requests) {
      const key = r.type in byType ? r.type : 'other';
      byType[key] = (byType[key] ?? 0) + (await r.bytes);
    }
    const total = Object.values(byType).reduce((a, b) => a + b, 0);
    const withoutJs = total - byType.script!;
    const kb = (n: number) => (n / 1024).toFixed(1);
    // The search page's budget is for its own page; Pagefind's files are reported, not budgeted.
    if (!waitFor && (withoutJs / 1024 > budget || byType.script! / 1024 > JS_BUDGET_KB)) over = true;
    console.log(
      `| ${path} | ${requests.length} | ${kb(byType.document!)} | ${kb(byType.stylesheet!)} | ${kb(byType.script!)} | ${kb(byType.image!)} | ${kb(byType.other!)} | ${kb(total)} | ${kb(withoutJs)} | ${budget} |`,
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
if (over) {
  console.error('超出页面重量预算');
  process.exitCode = 1;
}
