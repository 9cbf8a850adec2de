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

describe('preferExactPhrase', () => {
  it('moves results containing the query as typed first and keeps the order otherwise', async () => {
    const { preferExactPhrase } = await import('../../src/lib/search.ts');
    const results = [{ content: '各党支部 在' }, { content: '甲：在各党支部开展' }, { content: '乙' }, { content: '丙 在各 党支部' }];
    expect(preferExactPhrase(results, '在各党支部').map((r) => r.content)).toEqual([
      '甲：在各党支部开展',
      '丙 在各 党支部',
      '各党支部 在',
      '乙',
    ]);
    expect(preferExactPhrase(results, ' ')).toEqual(results);
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

describe('routes', () => {
  it('find routes that vanished without a redirect', async () => {
    const { missingRoutes, routeOf } = await import('../../src/lib/routes.ts');
    expect(missingRoutes(['/', '/measures/2-3/', '/old/', '/gone/'], ['/', '/measures/2-3/'], { '/old/': '/plan/' })).toEqual(['/gone/']);
    expect(missingRoutes(['/old/'], [], { '/old': '/plan/' })).toEqual([]);
    expect(['index.html', 'measures/2-3/index.html', '404.html'].map(routeOf)).toEqual(['/', '/measures/2-3/', '/404.html']);
  });
});
