import { describe, expect, it } from 'vitest';
import { readDeadline } from '../../src/domain/deadline-words.ts';

describe('readDeadline: dates the wording names', () => {
  it.each([
    ['2023年6月底前', '2023-06-30'],
    ['2024年2月底前', '2024-02-29'],
    ['2023年2月末', '2023-02-28'],
    ['2023年12月31日前', '2023-12-31'],
    ['2023年9月30号前完成', '2023-09-30'],
    ['2023-06-30', '2023-06-30'],
    ['2023/6/5', '2023-06-05'],
    ['２０２３年６月底前', '2023-06-30'],
    ['2023 年 6 月 底 前', '2023-06-30'],
    ['二〇二三年十二月底前', '2023-12-31'],
    ['2023年上半年', '2023-06-30'],
    ['2023年下半年', '2023-12-31'],
    ['2023年第三季度', '2023-09-30'],
    ['2023年底前', '2023-12-31'],
    ['2023年6月上旬', '2023-06-10'],
    ['2023年6月中旬', '2023-06-20'],
    ['2023年6月', '2023-06-30'],
  ])('%s → %s', (wording, date) => {
    expect(readDeadline(wording)).toEqual({ wording: wording.trim(), kind: 'date', date, ongoing: false });
  });

  it('takes the year of the plan when the wording has none, and says so', () => {
    expect(readDeadline('6月底前', { planYear: 2023 })).toEqual({
      wording: '6月底前',
      kind: 'date',
      date: '2023-06-30',
      ongoing: false,
      note: '年份取自方案。',
    });
    expect(readDeadline('年底前', { planYear: 2023 }).date).toBe('2023-12-31');
    expect(readDeadline('12月31日前', { issued: '2022-08-01' }).date).toBe('2022-12-31');
  });

  it('reads a date followed by 今后长期坚持 as due on the date and ongoing after it', () => {
    expect(readDeadline('2023年6月30日前完成整改，今后长期坚持')).toEqual({
      wording: '2023年6月30日前完成整改，今后长期坚持',
      kind: 'date',
      date: '2023-06-30',
      ongoing: true,
    });
  });

  it('takes the last of staged deadlines, and the year carries to the later stages', () => {
    const r = readDeadline('2023年6月底前完成摸排，12月底前全部整改到位');
    expect(r.kind).toBe('date');
    expect(r.date).toBe('2023-12-31');
    expect(r.note).toContain('2 个日期');
  });
});

describe('readDeadline: words without a date', () => {
  it('立行立改 is due on the day the plan is issued', () => {
    expect(readDeadline('立行立改', { issued: '2023-03-15' })).toEqual({
      wording: '立行立改',
      kind: 'immediate',
      date: '2023-03-15',
      ongoing: false,
    });
    const unknown = readDeadline('立行立改');
    expect(unknown.kind).toBe('immediate');
    expect(unknown.date).toBeUndefined();
    expect(unknown.note).toContain('印发日期');
  });

  it('立行立改，长期坚持 is immediate and ongoing', () => {
    expect(readDeadline('立行立改、长期坚持', { issued: '2023-03-15' })).toMatchObject({ kind: 'immediate', ongoing: true });
  });

  it.each(['长期坚持', '长期', '持续推进', '常态化开展'])('%s is ongoing, never overdue', (wording) => {
    expect(readDeadline(wording)).toEqual({ wording, kind: 'ongoing', ongoing: true });
  });

  it.each(['待定', 'X月X日', 'X月X日前', '2023年X月底前', 'Ｘ月底前'])('%s is pending: the plan hides the date', (wording) => {
    const r = readDeadline(wording);
    expect(r.kind).toBe('pending');
    expect(r.date).toBeUndefined();
    expect(r.note).toMatch(/未写明/);
  });
});

describe('readDeadline: what it cannot read is explained in Chinese', () => {
  it('a date without a year and no plan year', () => {
    const r = readDeadline('6月底前');
    expect(r.kind).toBe('unreadable');
    expect(r.note).toBe('“6月底”没有写年份，需要方案的年份才能算出日期。');
  });

  it.each([
    ['2023年2月30日前', '这一天不存在'],
    ['2023年13月底前', '月份不存在'],
    ['尽快', '看不懂完成时限“尽快”'],
    ['  ', '完成时限是空的'],
  ])('%j', (wording, message) => {
    const r = readDeadline(wording);
    expect(r.kind).toBe('unreadable');
    expect(r.date).toBeUndefined();
    expect(r.note).toContain(message);
  });

  it('keeps the wording as written, spaces trimmed only at the ends', () => {
    expect(readDeadline(' 2023年6月 底前 ').wording).toBe('2023年6月 底前');
  });
});
