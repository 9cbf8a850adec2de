/**
 * The phone site as members read it, in the built pages: notices with a page and their own
 * date (never the display window), the home page's first sections, the footer for readers, and
 * wording that says what the numbers mean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { formatDate } from '../../src/domain/dates.ts';
import { leafIds } from '../../src/domain/measures.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { htmlPages, readPage, requireDist } from '../helpers/dist.ts';

beforeAll(requireDist);
const { content } = checkProject(PROJECT_ROOT);
const pages = htmlPages().filter((p) => !p.startsWith('/kiosk/'));

describe('notices', () => {
  it('each has its own page with its body, its date and its measures', () => {
    for (const n of content.notices) {
      const page = readPage(`/notices/${n.id}/`);
      expect(page.querySelector('h1')?.text.trim()).toBe(n.data.title);
      const body = readFileSync(join(PROJECT_ROOT, n.file), 'utf8').split(/^---$/m)[2]!.trim().split('\n')[0]!;
      expect(page.querySelector('main')!.text).toContain(body.slice(0, 20));
      if (n.data.date) expect(page.querySelector(`time[datetime="${n.data.date}"]`), n.id).not.toBeNull();
      for (const m of n.data.measures ?? []) expect(page.querySelector(`a[href="/measures/${m}/"]`), n.id).not.toBeNull();
    }
  });

  it('are linked from the home page and from their measures with their date, never with their display window', () => {
    const today = readPage('/')
      .querySelector('footer')!
      .text.match(/数据截至 (\S+)/)![1]!;
    for (const n of content.notices) {
      const shown = readPage('/').querySelector(`a[href="/notices/${n.id}/"]`);
      // Only notices not yet ended on the build date are on the home page.
      const current = n.data.end.slice(0, 10) >= dateOf(today);
      expect(Boolean(shown), n.id).toBe(current);
      if (!current) continue;
      const item = shown!.closest('li')!;
      if (n.data.date) expect(item.querySelector(`time[datetime="${n.data.date}"]`), n.id).not.toBeNull();
      for (const page of ['/', ...(n.data.measures ?? []).map((m) => `/measures/${m}/`)]) {
        const text = readPage(page).querySelector('main')!.text;
        expect(text, page).not.toContain(n.data.end);
        expect(text, page).not.toContain(n.data.start);
        expect(readPage(page).querySelector(`a[href="/notices/${n.id}/"]`), page).not.toBeNull();
      }
    }
  });
});

/** 2026年11月27日 → 2026-11-27. */
function dateOf(chinese: string): string {
  const [, y, m, d] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(chinese)!;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

describe('the home page', () => {
  const home = readPage('/');
  it('opens with the overall status in numbers, then the newest three records with their dates', () => {
    const sections = home.querySelectorAll('main > section');
    expect(sections[0]!.querySelector('h2')!.text).toBe('总体进度');
    // Items with nothing below them are what the site counts, under whatever name the plan gives them.
    const leaves = leafIds(content.measures.map((m) => m.id)).length;
    expect(sections[0]!.text).toMatch(new RegExp(`${leaves} 项\\S+：`));
    const newest = [...content.updates]
      .sort((a, b) => (a.data.date === b.data.date ? a.id.localeCompare(b.id) : a.data.date < b.data.date ? 1 : -1))
      .slice(0, 3);
    const recent = home.querySelector('#recent')!.closest('section')!;
    expect(recent.querySelectorAll('li a').map((a) => a.getAttribute('href'))).toEqual(newest.map((u) => `/updates/${u.id}/`));
    expect(recent.querySelectorAll('li time').map((t) => t.text)).toEqual(newest.map((u) => formatDate(u.data.date)));
  });
  it('puts every chart after the first sections, and folds long chart tables behind a summary', () => {
    const order = home.querySelectorAll('main > section').map((s) => s.querySelector('h2')!.getAttribute('id'));
    expect(order.slice(0, 3)).toEqual(['overall', ...(content.notices.length > 0 ? ['notices'] : []), 'recent'].slice(0, 3));
    for (const figure of home.querySelectorAll('figure.chart')) {
      const rows = figure.querySelectorAll('tbody tr').length;
      expect(Boolean(figure.querySelector('details table')), figure.getAttribute('id')!).toBe(rows > 6);
    }
  });
});

describe('reading pages', () => {
  it('keep the editing guide and the display screens out of the footer (they stay at their addresses)', () => {
    for (const path of pages) {
      const footer = readPage(path).querySelector('footer')!;
      expect(footer.querySelector('a[href^="/guide/"]'), path).toBeNull();
      expect(footer.querySelector('a[href^="/kiosk/"]'), path).toBeNull();
      expect(footer.text, path).not.toMatch(/RSS）|（CSV）/);
    }
    expect(htmlPages()).toContain('/guide/');
    expect(htmlPages()).toContain('/kiosk/');
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('/guide/');
    expect(readme).toContain('/kiosk/');
  });

  it('write amounts and shares as readers do', () => {
    for (const path of pages) {
      const text = readPage(path).querySelector('main')!.text;
      // 100 % with a space, 不少于 100%, （2/3）, 有数据的 1 个单位, 牵头措施 for shared measures.
      expect(text, path).not.toMatch(/\d %/);
      expect(text, path).not.toMatch(/不少于 100/);
      expect(text, path).not.toMatch(/（\d+\/\d+）/);
      expect(text, path).not.toContain('有数据的');
      expect(text, path).not.toContain('牵头措施');
    }
  });

  it('give breadcrumbs in the same date format as the page', () => {
    for (const path of pages) {
      const crumbs = readPage(path).querySelector('nav.crumbs');
      if (crumbs) expect(crumbs.text, path).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('use 长期 for a deadline and keep 长期坚持 for the status', () => {
    for (const m of content.measures.filter((x) => x.data.deadline === '长期')) {
      const facts = readPage(`/measures/${m.id}/`).querySelector('dl.facts')!;
      const deadline = facts.querySelectorAll('dt').findIndex((dt) => dt.text === '整改时限');
      expect(facts.querySelectorAll('dd')[deadline]!.text.trim(), m.id).toMatch(/^长期(?!坚持)/);
    }
  });
});
