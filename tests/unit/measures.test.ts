import { describe, expect, it } from 'vitest';
import {
  areaLabel,
  areaName,
  buildItemTree,
  compareMeasureIds,
  countedNoun,
  leafIds,
  leavesOf,
  levelName,
  measureName,
  ownDeadline,
  parentMeasureId,
  parseMeasureId,
  rollUpState,
  statusChangesByMeasure,
  type ItemEntry,
} from '../../src/domain/measures.ts';
import { deriveMeasureState, type StatusChange } from '../../src/domain/status.ts';
import { formatPeriod, periodKind } from '../../src/domain/periods.ts';
import { makeResolver } from '../../src/domain/resolve.ts';
import { entryId, globPattern, entryCollections } from '../../src/schemas/collections.ts';

describe('measure ids', () => {
  it('parse into area and number', () => {
    expect(parseMeasureId('2-3')).toEqual({ area: 2, number: 3, path: [2, 3] });
    expect(parseMeasureId('10-12')).toEqual({ area: 10, number: 12, path: [10, 12] });
    expect(parseMeasureId('2-17-3')).toEqual({ area: 2, number: 3, path: [2, 17, 3] });
    for (const bad of ['2', '2-0', '0-1', '2_3', '2-3a', '2-3-', '']) expect(parseMeasureId(bad), bad).toBeUndefined();
  });
  it('sort as the plan numbers them, not as text, with each item before the items below it', () => {
    expect(['2-10', '10-1', '2-9', '1-3', '2-9-2', '2-9-1'].sort(compareMeasureIds)).toEqual([
      '1-3',
      '2-9',
      '2-9-1',
      '2-9-2',
      '2-10',
      '10-1',
    ]);
    expect(parentMeasureId('2-9-1')).toBe('2-9');
    expect(parentMeasureId('2-9')).toBeUndefined();
  });
});

describe('names and deadlines of items', () => {
  it('name a 方面 and an item with the plan’s own numbering and level names', () => {
    expect(areaName({ number: 2 }, undefined)).toBe('问题（二）');
    expect(areaName({ number: 2, label: '二' }, ['方面', '问题'])).toBe('第二方面');
    expect(areaLabel({ number: 12 })).toBe('（十二）');
    expect(measureName({ id: '2-3' }, undefined)).toBe('整改措施 2-3');
    expect(measureName({ id: '2-17', label: '17' }, ['方面', '问题', '整改措施'])).toBe('问题 17');
    expect(measureName({ id: '2-17-1', label: '17一是' }, ['方面', '问题', '整改措施'])).toBe('整改措施 17一是');
    expect(levelName(['方面'], 4)).toBe('子项');
    // The counted items are named after the deepest level that has them.
    expect(countedNoun(['方面', '问题', '整改措施'], [{ depth: 1 }, { depth: 2 }])).toBe('整改措施');
    expect(countedNoun(undefined, [])).toBe('整改措施');
    expect(leafIds(['1-1', '1-1-1', '1-1-2', '1-2'])).toEqual(['1-1-1', '1-1-2', '1-2']);
  });
  it('derive a date from the plan’s wording, with the plan’s date for a year it leaves out', () => {
    expect(ownDeadline({ deadlineText: '2023年6月底前' })).toEqual({ deadline: '2023-06-30', wording: '2023年6月底前' });
    expect(ownDeadline({ deadlineText: '年底前' }, { planDate: '2023-03-15' })?.deadline).toBe('2023-12-31');
    expect(ownDeadline({ deadlineText: '年底前' })?.deadline).toBe('待定');
    expect(ownDeadline({ deadlineText: '立行立改' }, { planDate: '2023-03-15' })?.deadline).toBe('2023-03-15');
    expect(ownDeadline({ deadlineText: '长期坚持' })?.deadline).toBe('长期');
    // A written deadline wins over the wording, which is kept to show.
    expect(ownDeadline({ deadline: '2023-07-01', deadlineText: '6月底前' })).toEqual({ deadline: '2023-07-01', wording: '6月底前' });
    expect(ownDeadline({})).toBeUndefined();
  });
});

describe('the item tree', () => {
  const entry = (id: string, data: Partial<ItemEntry['data']> = {}): ItemEntry => ({ id, data: { title: `条目 ${id}`, ...data } });
  const change = (recordId: string, date: string, status: '推进中' | '已完成' | '长期坚持'): StatusChange => ({
    recordId,
    date,
    status,
    title: recordId,
    evidence: [],
  });

  it('inherits owners, 责任领导 and deadlines downwards and joins labels', () => {
    const tree = buildItemTree(
      [
        entry('1-17-2', { label: '二是' }),
        entry('1-17', { label: '17', owners: ['djb'], leader: '镇党委书记', deadlineText: '2023年6月底前' }),
        entry('1-17-1', { label: '一是', owners: ['x-cun'], deadline: '长期', areas: ['1', '3'] }),
      ],
      { changes: new Map(), today: '2023-05-01' },
    );
    expect(tree.map((n) => [n.id, n.label, n.depth, n.leaf])).toEqual([
      ['1-17', '17', 1, false],
      ['1-17-1', '17一是', 2, true],
      ['1-17-2', '17二是', 2, true],
    ]);
    const [, first, second] = tree;
    expect(first!.owners).toEqual(['x-cun']);
    expect(first!.deadline).toBe('长期');
    // Linked to 方面 3 too; its own 方面 is not repeated.
    expect(first!.alsoIn).toEqual([3]);
    expect(second!.owners).toEqual(['djb']);
    expect(second!.leader).toBe('镇党委书记');
    expect(second!).toMatchObject({ deadline: '2023-06-30', deadlineWording: '2023年6月底前' });
  });

  it('applies a record about an item to every item below it and rolls leaves up', () => {
    const entries = [entry('1-1', { deadline: '2023-06-30' }), entry('1-1-1'), entry('1-1-2'), entry('1-2', { deadline: '2023-04-30' })];
    const changes = new Map([
      ['1-1', [change('a', '2023-04-01', '推进中')]],
      ['1-1-1', [change('b', '2023-04-10', '已完成')]],
    ]);
    const byId = new Map(buildItemTree(entries, { changes, today: '2023-05-01' }).map((n) => [n.id, n]));
    expect(byId.get('1-1-1')!.state.status).toBe('已完成');
    expect(byId.get('1-1-2')!.state.status).toBe('推进中');
    expect(byId.get('1-1')!.state.status).toBe('推进中');
    expect(byId.get('1-2')!.state.overdue).toBe(true);
    expect(leavesOf(byId.get('1-1')!).map((n) => n.id)).toEqual(['1-1-1', '1-1-2']);
    // Every leaf done: the parent is done, on the last leaf's date.
    changes.set('1-1-2', [change('c', '2023-04-20', '已完成')]);
    const done = buildItemTree(entries, { changes, today: '2023-05-01' }).find((n) => n.id === '1-1')!;
    expect(done.state).toMatchObject({ status: '已完成', completedOn: '2023-04-20', overdue: false });
    // Records after the date do not count.
    expect(buildItemTree(entries, { changes, today: '2023-04-05' }).find((n) => n.id === '1-1-1')!.state.status).toBe('推进中');
  });

  it('rolls up 长期坚持 and 未启动 as a paper ledger would', () => {
    const open = deriveMeasureState('待定', [], '2023-05-01');
    const ongoing = { ...open, status: '长期坚持' as const };
    const done = { ...open, status: '已完成' as const };
    expect(rollUpState([done, ongoing], open).status).toBe('长期坚持');
    expect(rollUpState([open, open], open).status).toBe('未启动');
    expect(rollUpState([done, open], open).status).toBe('推进中');
    expect(rollUpState([], ongoing)).toBe(ongoing);
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
    const { containsAllTerms } = await import('../../src/domain/search.ts');
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
    const { excerptAround } = await import('../../src/domain/search.ts');
    const content = '第一部分的很长的开头文字。严格落实“三会一课”等基本制度，三会一课每月开展。后面还有很多别的内容';
    expect(text(excerptAround(content, '三会一课', 24))).toBe('…。严格落实“[三会一课]”等基本制度，[三会一课]每月开…');
  });
  it('never marks single characters of a longer query, nor single-character terms beside longer ones', async () => {
    const { excerptAround } = await import('../../src/domain/search.ts');
    // The page shares 会 and 课 with the query but not the word: no mark at all, the start of the text.
    expect(text(excerptAround('召开党员大会，上党课。', '三会一课', 40))).toBe('召开党员大会，上党课。');
    expect(text(excerptAround('党费和党课', '党 党课', 40))).toBe('党费和[党课]');
    expect(text(excerptAround('交纳党费', '费', 40))).toBe('交纳党[费]');
  });
  it('leaves out the status badges’ shape icons', async () => {
    const { excerptAround } = await import('../../src/domain/search.ts');
    expect(text(excerptAround('状态 ◐推进中 ▲逾期 党费', '党费', 40))).toBe('状态 推进中 逾期 [党费]');
  });
  it('keeps the page text as text, whatever it holds', async () => {
    const { excerptAround } = await import('../../src/domain/search.ts');
    expect(excerptAround('<b>党费</b>', '党费', 40)).toEqual([
      { text: '<b>', mark: false },
      { text: '党费', mark: true },
      { text: '</b>', mark: false },
    ]);
  });
});

describe('searchAttributes', () => {
  it('writes one key:value per filter value, keeps colons and commas out of values, and adds the date', async () => {
    const { searchAttributes } = await import('../../src/domain/search.ts');
    expect(
      searchAttributes({ kind: '进展记录', filters: { 单位: ['甲', '乙:丙'] }, meta: { status: '推进中' }, date: '2026-09-04' }),
    ).toEqual({
      filters: ['类型:进展记录', '单位:甲', '单位:乙：丙'],
      meta: ['kind:进展记录', 'status:推进中', 'date:2026-09-04'],
      sort: ['date:2026-09-04'],
    });
  });
});
