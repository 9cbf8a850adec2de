/**
 * Chinese search over the built index (Pagefind 1.6.0, pinned), run with Pagefind's own JS in
 * Chromium: the recall suite, and the search page as a reader uses it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/checker/yaml-source.ts';
import { checkProject } from '../../src/checker/index.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { PHONE, startHarness, type Harness } from '../helpers/browser.ts';
import { commonWord, phrases, quotedTerms } from './queries.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const { content } = checkProject(PROJECT_ROOT);
/** An entry's title and body text. */
const textOf = (e: { file: string; data: { title: string } }) =>
  `${e.data.title} ${splitFrontmatter(readFileSync(join(PROJECT_ROOT, e.file), 'utf8')).body.trim()}`;
const texts = new Map(content.measures.map((m) => [m.id, textOf(m)]));
/** The plan's own quoted terms; the recall suite fills up to 50 queries with cut phrases. */
const terms = quotedTerms(texts.values());
/** A query found in one measure only, and a word in many measures and in records or posts too. */
const [single] = phrases(texts, 1, 7);
const common = commonWord(texts.values(), [...content.updates, ...content.posts].map(textOf));
/** A measure page, whichever the content has. */
const measurePage = `/measures/${content.measures[0]!.id}/`;

describe('recall suite', () => {
  it('finds the measure page that contains each query among the first 3 results', async () => {
    const cases = [
      ...terms.map((query) => ({ query, measures: [...texts].filter(([, t]) => t.includes(query)).map(([id]) => id) })),
      ...phrases(texts, Math.max(30, 50 - terms.length), Number(process.env['RECALL_SEED'] ?? 2026)).map(({ query, measure }) => ({
        query,
        measures: [measure],
      })),
    ];
    // Every query really is in the plan's measures, so a miss is the index's fault.
    for (const c of cases) expect(c.measures.length, c.query).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThanOrEqual(50);

    // The reader's way: type the query into the search page and read the first three results.
    const page = await h.browser.newPage({ viewport: PHONE });
    await page.goto(`${h.url}/search/`);
    const top3: string[][] = [];
    for (const c of cases) {
      await page.fill('#search-q', c.query);
      await page.press('#search-q', 'Enter');
      await page.waitForFunction((q) => document.querySelector('[data-status]')!.textContent!.includes(`“${q}”`), c.query);
      top3.push(await page.$$eval('[data-results] li a.title', (as) => as.slice(0, 3).map((a) => a.getAttribute('href')!)));
    }
    await page.close();

    const misses = cases.filter((c, i) => !top3[i]!.some((url) => c.measures.some((id) => url === `/measures/${id}/`)));
    const recall = (cases.length - misses.length) / cases.length;
    console.log(`搜索召回：${cases.length - misses.length}/${cases.length}（${(recall * 100).toFixed(1)}%）在前 3 条结果中找到对应措施页`);
    expect(misses.map((m, i) => `${m.query} → ${m.measures.join('/')} (got ${top3[cases.indexOf(m)]!.join(', ')}) #${i}`)).toEqual([]);
  });
});

describe('the search page', () => {
  it('is one tap from the header of any page, loads Pagefind only on the first query, and shows results on the first screen', async () => {
    const page = await h.browser.newPage({ viewport: PHONE });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${h.url}${measurePage}`);
    await page.click('header a[href="/search/"]');
    await page.waitForURL(/\/search\/$/);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    expect(single, 'a phrase found in one measure').toBeDefined();
    const { query, measure } = single!;
    await page.fill('#search-q', query);
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('[data-results] li');
    expect(requested.filter((p) => p.startsWith('/pagefind/')).length).toBeGreaterThan(0);
    expect(page.url()).toContain(`?q=${encodeURIComponent(query)}`);
    const first = await page.$$eval('[data-results] li a.title', (as) => as.slice(0, 3).map((a) => a.getAttribute('href')));
    expect(first).toContain(`/measures/${measure}/`);
    expect(await page.textContent('[data-status]')).toMatch(new RegExp(`^找到 \\d+ 条包含“${query}”的结果`));
    const top = await page.evaluate(() => document.querySelector('[data-results] li')!.getBoundingClientRect().top);
    expect(top).toBeLessThan(PHONE.height);
    await page.close();
  });

  it('counts only the pages that contain the query, lists loose matches after them, and marks whole terms only', async () => {
    const page = await h.browser.newPage({ viewport: PHONE });
    const query = terms[0] ?? common;
    expect(query, 'a quoted term or a common word of the measures').toBeDefined();
    await page.goto(`${h.url}/search/?q=${encodeURIComponent(query!)}`);
    await page.waitForSelector('[data-results] li');
    const seen = await page.evaluate(() => {
      const items = [...document.querySelectorAll('[data-results] li')];
      const divider = items.findIndex((li) => li.classList.contains('divider'));
      const exact = divider < 0 ? items : items.slice(0, divider);
      return {
        status: document.querySelector('[data-status]')!.textContent!,
        exact: exact.length,
        marks: [...document.querySelectorAll('[data-results] mark')].map((m) => m.textContent),
      };
    });
    expect(seen.status).toContain(`找到 ${seen.exact} 条包含“${query}”的结果`);
    expect(seen.marks.length).toBeGreaterThan(0);
    expect(new Set(seen.marks)).toEqual(new Set([query]));
    await page.close();
  });

  it('narrows the results with a filter', async () => {
    const page = await h.browser.newPage({ viewport: PHONE });
    expect(common, 'a word in measures and in records or posts').toBeDefined();
    await page.goto(`${h.url}/search/?q=${encodeURIComponent(common!)}`);
    await page.waitForSelector('[data-results] li');
    const count = async () => Number(/找到 (\d+) 条/.exec((await page.textContent('[data-status]')) ?? '')?.[1]);
    const all = await count();
    // The filters are folded away so the results start on the first screen: one tap opens them,
    // and only then are their values fetched.
    expect(await page.isVisible('select[data-filter="类型"]')).toBe(false);
    expect(await page.$$('select[data-filter="类型"] option')).toHaveLength(1);
    await page.click('[data-filters] summary');
    await page.waitForSelector('select[data-filter="类型"] option[value="措施"]', { state: 'attached' });
    await page.selectOption('select[data-filter="类型"]', '措施');
    // Wait for the filtered count itself, not just for the old one to go (a '搜索中' state may come between).
    await page.waitForFunction((n) => {
      const m = /找到 (\d+) 条/.exec(document.querySelector('[data-status]')!.textContent ?? '');
      return m !== null && Number(m[1]) !== n;
    }, all);
    const measures = await count();
    expect(measures).toBeGreaterThan(0);
    expect(measures).toBeLessThan(all);
    const kinds = await page.$$eval('[data-results] li .meta', (ps) => ps.map((p) => p.textContent!.split(' · ')[0]));
    expect(new Set(kinds)).toEqual(new Set(['措施']));
    await page.close();
  });

  it('says so in Chinese when nothing matches', async () => {
    const page = await h.browser.newPage({ viewport: PHONE });
    await page.goto(`${h.url}/search/?q=${encodeURIComponent('龘靐齉')}`);
    await page.waitForFunction(() => document.querySelector('[data-status]')!.textContent!.startsWith('没有找到'));
    expect(await page.textContent('[data-status]')).toBe('没有找到与“龘靐齉”相关的内容。可以换一个更短的词，或去掉筛选条件。');
    expect(await page.$$('[data-results] li')).toHaveLength(0);
    await page.close();
  });

  it('without JavaScript, says search needs it and links to the ledger and the plan', async () => {
    const context = await h.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${h.url}/search/?q=${encodeURIComponent(single?.query ?? '搜索')}`);
    const status = await page.textContent('[data-status]');
    expect(status).toContain('搜索需要浏览器开启 JavaScript');
    expect(await page.$$eval('[data-status] a', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['/ledger/', '/plan/']);
    await context.close();
  });

  it('loads no search code on reading pages', async () => {
    const page = await h.browser.newPage({ viewport: PHONE });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${h.url}${measurePage}`, { waitUntil: 'networkidle' });
    expect(requested.filter((p) => p.startsWith('/pagefind/') || p.endsWith('.js'))).toEqual([]);
    await page.close();
  });
});
