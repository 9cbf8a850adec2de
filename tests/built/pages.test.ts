/**
 * Tests over the built site in dist/ (`npm test` builds first). They compare what the pages
 * show with what the content says, computed independently through the checker's loader.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { buildItemTree, leafIds, statusChangesByMeasure } from '../../src/domain/measures.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const DIST = join(PROJECT_ROOT, 'dist');
/** A built page, without Astro's scoping attributes, which say nothing about content. */
const read = (path: string) => readFileSync(join(DIST, path), 'utf8').replace(/ data-astro-cid-\w+/g, '');

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ 不存在：请先运行 npm run build（npm test 会自动构建）');
});

/** 数据截至 as the build printed it, turned back into YYYY-MM-DD. */
function buildDateOf(html: string): string {
  const m = /数据截至 (\d{4})年(\d{1,2})月(\d{1,2})日/.exec(html);
  if (!m) throw new Error('page shows no 数据截至 date');
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

describe('the built site', () => {
  const { content } = checkProject(PROJECT_ROOT);

  it('has exactly one page per measure, at its stable URL', () => {
    const built = readdirSync(join(DIST, 'measures')).filter((d) => existsSync(join(DIST, 'measures', d, 'index.html')));
    expect(built.sort()).toEqual(content.measures.map((m) => m.id).sort());
    expect(built.length).toBeGreaterThan(0);
  });

  it('shows each measure with its title, owners and the status derived from the records', () => {
    const changes = statusChangesByMeasure(content.updates.map((u) => ({ id: u.id, ...u.data })));
    const names = new Map(content.units.map((u) => [u.id, u.data.name]));
    const today = buildDateOf(read('index.html'));
    for (const node of buildItemTree(content.measures, { changes, today, planDate: content.plan[0]!.data.issued })) {
      const m = node.entry;
      const state = node.state;
      const html = read(`measures/${m.id}/index.html`);
      expect(html, m.id).toContain(`<h1>${m.data.title}</h1>`);
      expect(html, m.id).toContain(node.owners.map((o) => names.get(o)).join('、'));
      expect(html, m.id).toMatch(new RegExp(`状态</dt><dd><span[^>]*><span aria-hidden="true">.</span>${state.status}</span>`));
      expect(html.includes('>逾期</span>'), `${m.id} overdue`).toBe(state.overdue);
    }
  });

  it('lists every area and measure on /areas/, and the home page gives the counts found in the content', () => {
    const areas = read('areas/index.html');
    for (const m of content.measures) expect(areas).toContain(`href="/measures/${m.id}/"`);
    for (const a of content.areas) expect(areas).toContain(`href="/areas/${a.id}/"`);
    const leaves = leafIds(content.measures.map((m) => m.id)).length;
    expect(read('index.html')).toContain(`${content.areas.length} 个方面、${leaves} 项`);
  });

  it('marks every page zh-CN, gives it a unique title and says the data are a demonstration while demo is on', () => {
    const pages = [
      'index.html',
      ...content.measures.map((m) => `measures/${m.id}/index.html`),
      ...content.posts.map((p) => `posts/${p.id}/index.html`),
    ];
    const titles = new Set<string>();
    const demo = content.settings.find((s) => s.id === 'site')!.data.demo;
    for (const page of pages) {
      const html = read(page);
      expect(html, page).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
      titles.add(/<title>(.*?)<\/title>/.exec(html)![1]!);
      expect(html.includes('本站内容为演示数据'), page).toBe(demo);
    }
    expect(titles.size).toBe(pages.length);
  });

  // The MDX post with the project's components and the post cover: tests/built/fixture-pages.test.ts,
  // on a fixture that has them.
});

describe('last-updated dates', () => {
  it('come from the latest record or the last commit of the page source, and are left out without history', async () => {
    const { gitDates } = await import('../../src/data/git-dates.ts');
    const history = gitDates(PROJECT_ROOT);
    const { content } = checkProject(PROJECT_ROOT);
    for (const m of content.measures) {
      const html = read(`measures/${m.id}/index.html`);
      const shown = /本页内容更新于 <time datetime="([\d-]+)">/.exec(html)?.[1];
      const recordDates = content.updates.filter((u) => (u.data.measures ?? []).includes(m.id)).map((u) => u.data.date);
      const expected = [history.dates.get(m.file), ...recordDates].filter(Boolean).sort().at(-1);
      expect(shown, m.id).toBe(expected);
    }
  });
});
