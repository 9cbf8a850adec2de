import { describe, expect, it } from 'vitest';
import { compareMeasureIds, parseMeasureId, statusChangesByMeasure } from '../../src/lib/measures.ts';
import { formatPeriod, periodKind } from '../../src/lib/periods.ts';
import { makeResolver } from '../../src/lib/resolve.ts';
import { entryId, globPattern, entryCollections } from '../../src/schemas/collections.ts';

describe('measure ids', () => {
  it('parse into area and number', () => {
    expect(parseMeasureId('2-3')).toEqual({ area: 2, number: 3 });
    expect(parseMeasureId('10-12')).toEqual({ area: 10, number: 12 });
    for (const bad of ['2-0', '0-1', '2_3', '2-3a', '']) expect(parseMeasureId(bad), bad).toBeUndefined();
  });
  it('sort as the plan numbers them, not as text', () => {
    expect(['2-10', '10-1', '2-9', '1-3'].sort(compareMeasureIds)).toEqual(['1-3', '2-9', '2-10', '10-1']);
  });
});

describe('statusChangesByMeasure', () => {
  it('gives each measure of a record its change and skips records without a status', () => {
    const map = statusChangesByMeasure([
      { id: 'a', title: '甲', date: '2026-09-01', measures: ['1-1', '1-2'], status: '推进中' },
      { id: 'b', title: '乙', date: '2026-09-02', measures: ['1-1'] },
      { id: 'c', title: '丙', date: '2026-09-03', measures: ['1-1'], status: '已完成', completedOn: '2026-09-02', evidence: ['记录'] },
    ]);
    expect([...map.keys()].sort()).toEqual(['1-1', '1-2']);
    expect(map.get('1-1')).toEqual([
      { date: '2026-09-01', status: '推进中', recordId: 'a', title: '甲', evidence: [] },
      { date: '2026-09-03', status: '已完成', recordId: 'c', title: '丙', evidence: ['记录'], completedOn: '2026-09-02' },
    ]);
  });
});

describe('periods', () => {
  it('tells months, quarters and years apart', () => {
    expect(periodKind('2026-09')).toBe('月');
    expect(periodKind('2026-Q3')).toBe('季');
    expect(periodKind('2026')).toBe('年');
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-9']) expect(periodKind(bad), bad).toBeUndefined();
  });
  it('are written for readers', () => {
    expect(formatPeriod('2026-09')).toBe('2026年9月');
    expect(formatPeriod('2026-Q3')).toBe('2026年第3季度');
    expect(formatPeriod('2026')).toBe('2026年');
  });
});

describe('makeResolver', () => {
  it('finds ids by id or by name, trimming spaces, and nothing else', () => {
    const resolve = makeResolver([{ id: 'x-cun', name: 'X村党支部' }]);
    expect(resolve('x-cun')).toBe('x-cun');
    expect(resolve(' X村党支部 ')).toBe('x-cun');
    expect(resolve('张三')).toBeUndefined();
  });
});

describe('entry ids and patterns', () => {
  it('are the path without extension, so URLs follow file names', () => {
    expect(entryId('2-3.md')).toBe('2-3');
    expect(entryId('2026\\a.mdx')).toBe('2026/a');
    expect(entryId('tv-1080p.yaml')).toBe('tv-1080p');
  });
  it('glob the extensions each collection accepts', () => {
    expect(globPattern(entryCollections.measures)).toBe('**/*.md');
    expect(globPattern(entryCollections.posts)).toBe('**/*.{md,mdx}');
  });
});

describe('containsAllTerms', () => {
  it('counts a page only when every term stands in it as typed, spaces in the page ignored', async () => {
    const { containsAllTerms } = await import('../../src/lib/search.ts');
    expect(containsAllTerms('甲：在各党支部开展', '在各党支部')).toBe(true);
    expect(containsAllTerms('丙 在各 党支部', '在各党支部')).toBe(true);
    // Pagefind finds this page by some of the characters; it does not contain the phrase.
    expect(containsAllTerms('各党支部 在', '在各党支部')).toBe(false);
    expect(containsAllTerms('党费按月交纳，三会一课', '党费 三会一课')).toBe(true);
    expect(containsAllTerms('党费按月交纳', '党费 三会一课')).toBe(false);
    expect(containsAllTerms('任何内容', '  ')).toBe(false);
  });
});

describe('excerptAround', () => {
  const text = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
  it('cuts the text around the first whole term and marks every whole term in it', async () => {
    const { excerptAround } = await import('../../src/lib/search.ts');
    const content = '第一部分的很长的开头文字。严格落实“三会一课”等基本制度，三会一课每月开展。后面还有很多别的内容';
    expect(text(excerptAround(content, '三会一课', 24))).toBe('…。严格落实“[三会一课]”等基本制度，[三会一课]每月开…');
  });
  it('never marks single characters of a longer query, nor single-character terms beside longer ones', async () => {
    const { excerptAround } = await import('../../src/lib/search.ts');
    // The page shares 会 and 课 with the query but not the word: no mark at all, the start of the text.
    expect(text(excerptAround('召开党员大会，上党课。', '三会一课', 40))).toBe('召开党员大会，上党课。');
    expect(text(excerptAround('党费和党课', '党 党课', 40))).toBe('党费和[党课]');
    expect(text(excerptAround('交纳党费', '费', 40))).toBe('交纳党[费]');
  });
  it('leaves out the status badges’ shape icons', async () => {
    const { excerptAround } = await import('../../src/lib/search.ts');
    expect(text(excerptAround('状态 ◐推进中 ▲逾期 党费', '党费', 40))).toBe('状态 推进中 逾期 [党费]');
  });
  it('keeps the page text as text, whatever it holds', async () => {
    const { excerptAround } = await import('../../src/lib/search.ts');
    expect(excerptAround('<b>党费</b>', '党费', 40)).toEqual([
      { text: '<b>', mark: false },
      { text: '党费', mark: true },
      { text: '</b>', mark: false },
    ]);
  });
});

describe('searchAttributes', () => {
  it('writes one key:value per filter value, keeps colons and commas out of values, and adds the date', async () => {
    const { searchAttributes } = await import('../../src/lib/search.ts');
    expect(
      searchAttributes({ kind: '进展记录', filters: { 单位: ['甲', '乙:丙'] }, meta: { status: '推进中' }, date: '2026-09-04' }),
    ).toEqual({
      filters: ['类型:进展记录', '单位:甲', '单位:乙：丙'],
      meta: ['kind:进展记录', 'status:推进中', 'date:2026-09-04'],
      sort: ['date:2026-09-04'],
    });
  });
});
