/**
 * npm run bench:portal -- [N ...] [--rounds R]
 *
 * Builds the county portal over N synthetic member sites (scripts/synthetic-feed.ts: 50–200 items
 * and a year of records each), R rounds per N (default 3), and prints per N the median build
 * time, the build's peak memory (the Astro process; Pagefind's indexer is a separate process and
 * is not included), the search index's size, the largest page (HTML, gzip) and the bytes a phone
 * downloads for a first search (a fresh Chromium at 360×740, gzip as served: the search page,
 * Pagefind's JS, WebAssembly, index chunks and the first results' fragments). It also checks that
 * the search finds the searched town's page first. Seconds and megabytes per member show whether
 * growth is linear. Default N: 10 and 100.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildDate } from '../src/domain/dates.ts';
import { launchChromium } from './browser.ts';
import { buildPortalSite } from './portal.ts';
import { serveDist } from './serve-dist.ts';
import { syntheticTown, writeSyntheticMembers } from './synthetic-feed.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { positionals, values } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '3' } } });
const sizes = positionals.length > 0 ? positionals.map(Number) : [10, 100];
const rounds = Number(values.rounds);
const today = buildDate(process.env);

/** A word of the plans' own vocabulary, as typed on a phone. */
const COMMON_QUERY = '党费管理';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));

/** Bytes on the wire for a first search of `query` on a phone, and the first result's address. */
async function firstSearch(dist: string, query: string): Promise<{ bytes: number; requests: number; first: string; parts: string }> {
  const { server, url } = await serveDist(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    const byPart = new Map<string, number>();
    /** Which part of a search a file is: the page, Pagefind's code, its index, or results' fragments. */
    const part = (u: string) =>
      /\/fragment\//.test(u)
        ? 'fragments'
        : /\/filter\//.test(u)
          ? 'filters'
          : /\/index\//.test(u)
            ? 'index chunks'
            : /\.pf_meta|entry\.json/.test(u)
              ? 'meta'
              : /pagefind/.test(u)
                ? 'pagefind code'
                : 'page';
    page.on('requestfinished', (r) => {
      const bytes = r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize);
      sizes.push(bytes);
      void bytes.then((b) => byPart.set(part(r.url()), (byPart.get(part(r.url())) ?? 0) + b));
    });
    await page.goto(`${url}/search/`, { waitUntil: 'networkidle' });
    await page.fill('input[name="q"]', query);
    await page.press('input[name="q"]', 'Enter');
    await page.waitForFunction(() => /找到|没有/.test(document.querySelector('[data-status]')?.textContent ?? ''), undefined, {
      timeout: 120_000,
    });
    await page.waitForLoadState('networkidle');
    const first = (await page.getAttribute('[data-results] li a', 'href')) ?? '';
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    await context.close();
    const parts = [...byPart].map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}`).join(', ');
    return { bytes, requests: sizes.length, first, parts };
  } finally {
    await browser.close();
    server.close();
  }
}

console.log(
  `portal bench, ${rounds} round(s) per N, load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const rows: string[] = [];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `bench-portal-${n}-`));
  try {
    const members = writeSyntheticMembers(dir, n, today);
    const config = join(dir, 'portal.yaml');
    writeFileSync(
      config,
      `title: 合成县整改进展汇总\nmembers:\n${members.map((m, i) => `  - name: ${m.name}\n    id: t${i + 1}\n    dist: ${m.dist}\n`).join('')}`,
    );
    const seconds: number[] = [];
    const rss: number[] = [];
    const out = join(dir, 'out');
    for (let r = 0; r < rounds; r++) {
      rmSync(out, { recursive: true, force: true });
      const rssFile = join(dir, '.max-rss');
      const started = performance.now();
      const build = buildPortalSite(config, out, {
        ...process.env,
        NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${join(ROOT, 'scripts/report-rss.mjs')}`,
        REPORT_RSS_FILE: rssFile,
      });
      seconds.push((performance.now() - started) / 1000);
      if (build.status !== 0) throw new Error(`N=${n} 构建失败：\n${build.output.slice(-3000)}`);
      rss.push(existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN);
    }
    const index = files(join(out, 'pagefind'));
    const indexMb = index.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 1024;
    const pages = files(out).filter((f) => f.endsWith('.html'));
    const largest = Math.max(...pages.map((f) => gzipSync(readFileSync(f)).length)) / 1024;
    const target = Math.ceil(n / 2);
    // What a reader types on a phone: a short word of the plans; and one town's own phrase, which
    // must find that town's page first.
    const search = await firstSearch(out, COMMON_QUERY);
    const phrase = await firstSearch(out, syntheticTown(target).phrase);
    const found = phrase.first.includes(`/towns/t${target}/`) ? '是' : `否（${phrase.first}）`;
    const s = median(seconds);
    const m = median(rss);
    rows.push(
      `| ${n} | ${s.toFixed(1)} | ${((s / n) * 1000).toFixed(0)} | ${m.toFixed(0)} | ${indexMb.toFixed(1)} (${index.length} files) | ${pages.length} | ${largest.toFixed(1)} | ${(search.bytes / 1024).toFixed(1)} (${search.requests} req) | ${(phrase.bytes / 1024).toFixed(1)} | ${found} |`,
    );
    console.log(`N=${n}: first search “${COMMON_QUERY}” KB by part: ${search.parts}`);
    console.log(`N=${n}: first search “${syntheticTown(target).phrase}” KB by part: ${phrase.parts}`);
    console.log(`N=${n}: ${seconds.map((x) => x.toFixed(1)).join(', ')} s; peak ${rss.map((x) => x.toFixed(0)).join(', ')} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(
  `\nload average at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `| members N | build s (median) | ms per member | peak MB (Astro process) | index MB | pages | largest page KB gz | first search “${COMMON_QUERY}” KB on the wire | first search of a town's phrase KB | town found first |`,
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const row of rows) console.log(row);
