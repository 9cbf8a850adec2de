/**
 * npm run bench:lighthouse: Lighthouse (mobile, the default profile) on one page of every
 * template, with Debian's Chromium (CHROMIUM_PATH, as everywhere), against dist/ served with gzip on 127.0.0.1.
 * Prints performance, accessibility, best-practices and SEO per template, each the median of
 * LIGHTHOUSE_RUNS runs (default 3); the target is 100 for each. Exit 1 when a score is below
 * MIN_SCORE (default 100); MIN_PERFORMANCE (default MIN_SCORE) may set performance apart, since
 * its timings can wobble on a busy shared machine. LIGHTHOUSE_TEMPLATES (comma-separated paths)
 * runs a subset.
 */
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { launchChromiumForLighthouse } from './browser.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
const MIN = Number(process.env.MIN_SCORE ?? 100);
const MIN_PERFORMANCE = Number(process.env.MIN_PERFORMANCE ?? MIN);
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const ALL_TEMPLATES = [
  '/',
  '/plan/',
  '/areas/',
  '/areas/2/',
  '/measures/4-6/',
  '/measures/3-1/',
  '/units/',
  '/stats/',
  '/units/x-cun/',
  '/updates/',
  '/updates/2026-09-18-dangwei-zerenzhi/',
  '/ledger/',
  '/posts/',
  '/columns/yishu-liangqiang/',
  '/posts/2026-09-10-x-cun-dongyuanhui/',
  '/search/',
  '/notices/',
  '/notices/2026-12-activity-day/',
  '/404.html',
];
const TEMPLATES = process.env.LIGHTHOUSE_TEMPLATES ? process.env.LIGHTHOUSE_TEMPLATES.split(',') : ALL_TEMPLATES;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { server, url } = await serveDist(join(ROOT, 'dist'));
const chrome = await launchChromiumForLighthouse();
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
let low = false;
console.log(`| template (median of ${RUNS}) | performance | accessibility | best practices | SEO |`);
console.log('|---|---:|---:|---:|---:|');
try {
  for (const path of TEMPLATES) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      runs.push(await lighthouse(url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] }));
    }
    const each = runs.map((result) => categories.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100)));
    const scores = categories.map((_, i) => median(each.map((r) => r[i]!)));
    if (scores.some((s, i) => s < (categories[i] === 'performance' ? MIN_PERFORMANCE : MIN))) {
      low = true;
      // The audits that cost points, from the run closest to the median.
      const result = runs[each.findIndex((r) => r.every((v, i) => v === scores[i]))] ?? runs[0];
      for (const c of categories) {
        for (const ref of result?.lhr.categories[c]?.auditRefs ?? []) {
          const audit = result!.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
            console.error(`  ${path} ${c}: ${audit.id} ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
    console.log(`| ${path} | ${scores.join(' | ')} |${RUNS > 1 ? ` runs: ${each.map((r) => r[0]).join('/')}` : ''}`);
  }
} finally {
  chrome.kill();
  server.close();
}
if (low) process.exitCode = 1;
