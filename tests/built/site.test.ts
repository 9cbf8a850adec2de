/**
 * The built site as a whole: every page's head, every internal link and anchor, the ledger CSV,
 * the RSS feed, the sitemap, and the page-weight budget of the HTML itself.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { compareMeasureIds } from '../../src/domain/measures.ts';
import { TEXT_SIZE_SCRIPT } from '../../src/domain/text-size.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { brokenLinks, DIST, fileFor, htmlPages, readPage, requireDist } from '../helpers/dist.ts';

beforeAll(requireDist);
const { content } = checkProject(PROJECT_ROOT);

describe('every page', () => {
  const pages = htmlPages();

  it('covers every template, with a page for every area, measure, unit, record, post and column of the content', () => {
    for (const path of ['/', '/notices/', '/plan/', '/areas/', '/units/', '/updates/', '/ledger/', '/posts/', '/404.html'])
      expect(pages).toContain(path);
    const entries = [
      ...content.areas.map((a) => `/areas/${a.id}/`),
      ...content.measures.map((m) => `/measures/${m.id}/`),
      ...content.units.map((u) => `/units/${u.id}/`),
      ...content.posts.map((p) => `/posts/${p.id}/`),
      ...content.columns.map((c) => `/columns/${c.id}/`),
    ];
    expect(entries.length).toBeGreaterThan(0);
    for (const path of entries) expect(pages).toContain(path);
    expect(pages.filter((p) => p.startsWith('/updates/') && p !== '/updates/')).toHaveLength(content.updates.length);
  });

  it('has lang zh-CN, a unique title, a description, a canonical URL, Open Graph tags and a favicon', () => {
    const titles = new Map<string, string>();
    for (const path of pages) {
      const doc = readPage(path);
      expect(doc.querySelector('html')?.getAttribute('lang'), path).toBe('zh-CN');
      const title = doc.querySelector('title')?.text ?? '';
      expect(title, path).not.toBe('');
      expect(titles.has(title), `${path} repeats the title of ${titles.get(title)}`).toBe(false);
      titles.set(title, path);
      expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')?.length, path).toBeGreaterThan(10);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      if (path !== '/404.html') expect(new URL(canonical).pathname, path).toBe(path);
      for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:image'])
        expect(doc.querySelector(`meta[property="${property}"]`), `${path} ${property}`).not.toBeNull();
      expect(doc.querySelector('link[rel="icon"]'), path).not.toBeNull();
    }
  });

  it('ships no JavaScript file where no chart is drawn and no search runs, and loads nothing from another origin', () => {
    for (const path of pages) {
      const doc = readPage(path);
      const interactive = doc.querySelectorAll('progress-chart, site-search, kiosk-screen').length;
      const scripts = doc.querySelectorAll('script');
      // Every reading page carries the text-size script inline, and nothing else unless it draws or searches.
      const inline = scripts.filter((s) => !s.getAttribute('src') && s.getAttribute('type') !== 'module');
      if (!path.startsWith('/kiosk/'))
        expect(
          inline.map((s) => s.text),
          path,
        ).toEqual([TEXT_SIZE_SCRIPT]);
      const modules = scripts.filter((s) => s.getAttribute('type') === 'module');
      if (interactive === 0) expect(modules, path).toHaveLength(0);
      else expect(modules.length, path).toBeGreaterThan(0);
      for (const el of doc.querySelectorAll('[src], link[href]')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        expect(url.startsWith('http') && !url.startsWith('http://localhost'), `${path} loads ${url}`).toBe(false);
      }
    }
  });

  it('allows the text-size script by its hash, computed over the exact text the page carries, within 1 KB', () => {
    const hash = `sha256-${createHash('sha256').update(TEXT_SIZE_SCRIPT, 'utf8').digest('base64')}`;
    expect(Buffer.byteLength(TEXT_SIZE_SCRIPT)).toBeLessThanOrEqual(1024);
    for (const path of pages.filter((p) => !p.startsWith('/kiosk/'))) {
      const csp = readPage(path).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp, path).toContain(`'${hash}'`);
    }
  });

  it('carries a CSP without unsafe-inline', () => {
    for (const path of pages) {
      const csp = readPage(path).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).not.toMatch(/unsafe-inline/);
      expect(readPage(path).querySelectorAll('[style]'), `${path} has style attributes`).toHaveLength(0);
    }
  });

  it('shows the data-as-of date and, while demo is on, the demonstration notice', () => {
    const demo = content.settings.find((s) => s.id === 'site')!.data.demo;
    for (const path of pages) {
      const text = readPage(path).text;
      expect(text, path).toMatch(/数据截至 \d{4}年\d{1,2}月\d{1,2}日/);
      expect(/本站\S{0,6}演示数据/.test(text), path).toBe(demo);
    }
  });
});

describe('links', () => {
  it('every internal link and #anchor in dist/ resolves', () => {
    const { broken, checked } = brokenLinks();
    expect(broken).toEqual([]);
    // Every page links somewhere: at least one link per page was followed.
    expect(checked).toBeGreaterThanOrEqual(htmlPages().length);
  });

  it('the plan page has an anchor for every numbered item', () => {
    const doc = readPage('/plan/');
    const ids = new Set(doc.querySelectorAll('[id]').map((e) => e.getAttribute('id')));
    for (const d of content.duties) expect(ids.has(`duty-${d.id}`)).toBe(true);
    for (const a of content.areas) expect(ids.has(`area-${a.id}`)).toBe(true);
    for (const m of content.measures) expect(ids.has(`measure-${m.id}`)).toBe(true);
    for (const r of content.requirements) expect(ids.has(`requirement-${r.id}`)).toBe(true);
  });
});

describe('downloads and feeds', () => {
  it('the ledger CSV parses back with one row per measure, matching the ledger page', () => {
    const bytes = readFileSync(join(DIST, 'ledger.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parseCsv(bytes.toString('utf8').slice(1), { columns: true });
    expect(rows.map((r) => r['编号'])).toEqual(content.measures.map((m) => m.id).sort(compareMeasureIds));
    const page = readPage('/ledger/');
    for (const row of rows) {
      const tr = page.querySelector(`#ledger-${row['编号']}`)!;
      // The problem is written once per group, in the merged cell heading its <tbody>.
      const cells = tr.querySelectorAll('td').map((td) => td.text.trim());
      expect(cells).toEqual(Object.values(row).slice(1, 10));
      const group = tr.parentNode!;
      const problem = group.querySelector('th[scope="rowgroup"]')!;
      expect(problem.text.trim()).toBe(row['问题']);
      expect(Number(problem.getAttribute('rowspan'))).toBe(group.querySelectorAll('tr').length);
    }
  });

  it('the RSS feed parses and lists every post, newest first', () => {
    const xml = new XMLParser().parse(readFileSync(join(DIST, 'rss.xml'), 'utf8'));
    const items = [xml.rss.channel.item].flat() as { title: string; link: string; pubDate: string }[];
    expect(items.map((i) => new URL(i.link).pathname).sort()).toEqual(content.posts.map((p) => `/posts/${p.id}/`).sort());
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('the sitemap lists every page but the 404', () => {
    const xml = new XMLParser().parse(readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8'));
    const urls = [xml.urlset.url]
      .flat()
      .map((u: { loc: string }) => new URL(u.loc).pathname)
      .sort();
    // Display-screen pages are for the screens, not for search engines.
    expect(urls).toEqual(
      htmlPages()
        .filter((p) => p !== '/404.html' && !p.startsWith('/kiosk/'))
        .sort(),
    );
  });
});

describe('page weight (HTML with its inline CSS, gzip)', () => {
  const gz = (path: string) => gzipSync(readFileSync(fileFor(path)!)).length;
  it('keeps reading pages under 12 KB and the home page under 20 KB', () => {
    const reading = [
      '/ledger/',
      '/updates/',
      ...content.measures.map((m) => `/measures/${m.id}/`),
      ...content.areas.map((a) => `/areas/${a.id}/`),
      ...content.units.map((u) => `/units/${u.id}/`),
      ...content.posts.map((p) => `/posts/${p.id}/`),
    ];
    for (const path of reading) expect(gz(path), path).toBeLessThan(12 * 1024);
    expect(gz('/')).toBeLessThan(20 * 1024);
  });
  // A post cover's smallest size: tests/built/fixture-pages.test.ts, on a fixture that has one.
});

describe('the search index', () => {
  it('is one Chinese index built by the pinned Pagefind', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      version: string;
      languages: Record<string, { page_count: number }>;
    };
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['pagefind']).toBe('1.6.0');
    expect(entry.version).toBe('1.6.0');
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
  });

  it('holds the reading pages only: measures, areas, units, records, posts, notices, the plan and the ledger', () => {
    const indexed = htmlPages().filter((p) => readPage(p).querySelector('[data-pagefind-body]'));
    const expected = [
      '/plan/',
      '/ledger/',
      ...content.areas.map((a) => `/areas/${a.id}/`),
      ...content.measures.map((m) => `/measures/${m.id}/`),
      ...content.units.map((u) => `/units/${u.id}/`),
      ...content.updates.map((u) => `/updates/${u.id}/`),
      ...content.posts.map((p) => `/posts/${p.id}/`),
      ...content.notices.map((n) => `/notices/${n.id}/`),
    ];
    expect(indexed.sort()).toEqual(expected.sort());
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['zh-cn']!.page_count).toBe(expected.length);
  });
});
