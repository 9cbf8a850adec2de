/**
 * npm run bench:lighthouse: Lighthouse (mobile, the default profile) on one page of every
 * template, with Debian's Chromium (CHROME_PATH), against dist/ served with gzip on 127.0.0.1.
 * Prints performance, accessibility, best-practices and SEO per template; the target is 100
 * for each. Exit 1 when a score is below MIN_SCORE (default 100); MIN_PERFORMANCE (default
 * MIN_SCORE) may set performance apart, since its timings can wobble on a busy shared machine.
 */
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from './serve-dist.ts';

const ROOT = resolve(import.meta.dirname, '..');
const MIN = Number(process.env.MIN_SCORE ?? 100);
const MIN_PERFORMANCE = Number(process.env.MIN_PERFORMANCE ?? MIN);
const TEMPLATES = [
  '/',
  '/plan/',
  '/areas/',
  '/areas/2/',
  '/measures/4-6/',
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
  '/404.html',
];

const { server, url } = await serveDist(join(ROOT, 'dist'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
let low = false;
console.log('| template | performance | accessibility | best practices | SEO |');
console.log('|---|---:|---:|---:|---:|');
try {
  for (const path of TEMPLATES) {
    const result = await lighthouse(url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    const scores = categories.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
    if (scores.some((s, i) => s < (categories[i] === 'performance' ? MIN_PERFORMANCE : MIN))) {
      low = true;
      for (const c of categories) {
        for (const ref of result?.lhr.categories[c]?.auditRefs ?? []) {
          const audit = result!.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
            console.error(`  ${path} ${c}: ${audit.id} ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
      }
    }
    console.log(`| ${path} | ${scores.join(' | ')} |`);
  }
} finally {
  chrome.kill();
  server.close();
}
if (low) process.exitCode = 1;
