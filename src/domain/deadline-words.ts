/**
 * 完成时限 as plans write them: 2023年6月底前, 年底前, 立行立改, x月x日前完成整改，今后长期坚持,
 * 长期坚持, 待定 … The wording is what the plan says and is always kept; the date is what the
 * build can compute from it (for days left and 逾期), and only where the wording allows one.
 * Pure: no clock, no I/O.
 */
import { chineseNumeral, halfWidthDigits } from './numbering.ts';
import { isCalendarDate, type CalendarDate } from '../schemas/vocabulary.ts';

/**
 * - `date`: due on a day the wording names or implies (月底前 → the month's last day).
 * - `immediate`: 立行立改, due on the day the plan is issued.
 * - `ongoing`: 长期坚持 and the like, never overdue.
 * - `pending`: the plan leaves the date open or hides it (待定, X月X日).
 * - `unreadable`: none of the above; `note` says why, in Chinese.
 */
export type DeadlineKind = 'date' | 'immediate' | 'ongoing' | 'pending' | 'unreadable';

export interface DeadlineReading {
  /** The wording as the plan writes it (trimmed). */
  wording: string;
  kind: DeadlineKind;
  /** The due date the build derives, when the wording allows one. */
  date?: CalendarDate;
  /** Work that goes on after (or instead of) the due date: 长期坚持, 今后长期坚持, 常态化. */
  ongoing: boolean;
  /** Chinese: why no date could be derived, or how it was inferred (年份取自方案). */
  note?: string;
}

export interface DeadlineContext {
  /** The plan's year, for wording without one (6月底前, 年底前). */
  planYear?: number;
  /** The plan's issue date (印发日期): the due date of 立行立改, and the year when planYear is absent. */
  issued?: CalendarDate;
}

const ONGOING = /长期坚持|长期|持续推进|持续开展|常态化|久久为功|坚持不懈/;
const IMMEDIATE = /立行立改|立即整改|即知即改|马上就改/;
// X stands for a hidden name or number in the published plan (X月X日); 待定 leaves it open.
const PENDING = /待定|另行通知|[XＸx×]\s*[年月日]|[年月][XＸx×]/;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Chinese numerals in dates as digits: 二〇二三年十二月底 → 2023年12月底. Years are written
 * digit by digit (二〇二三), months and days as numbers (十二, 三十一).
 * @example digitsInDates('二〇二三年三月十五日') // '2023年3月15日'
 */
export function digitsInDates(text: string): string {
  const digit: Record<string, string> = {
    〇: '0',
    零: '0',
    一: '1',
    二: '2',
    三: '3',
    四: '4',
    五: '5',
    六: '6',
    七: '7',
    八: '8',
    九: '9',
  };
  return text
    .replace(/([〇零一二三四五六七八九]{4})年/g, (_, y: string) => `${[...y].map((c) => digit[c]).join('')}年`)
    .replace(/([一二三四五六七八九十]{1,3})(月|日|号)/g, (whole, n: string, unit: string) => {
      const value = chineseNumeral(n);
      return value === undefined ? whole : `${value}${unit}`;
    });
}

/** The dates the wording names, in order, with the year filled in from the context. */
function findDates(text: string, ctx: DeadlineContext): { dates: CalendarDate[]; problems: string[]; inferredYear: boolean } {
  const dates: CalendarDate[] = [];
  const problems: string[] = [];
  let inferredYear = false;
  const contextYear = ctx.planYear ?? (ctx.issued ? Number(ctx.issued.slice(0, 4)) : undefined);
  let lastYear: number | undefined;
  const yearFor = (written: string | undefined): number | undefined => {
    if (written) return (lastYear = Number(written));
    if (lastYear !== undefined) return lastYear;
    inferredYear = true;
    return contextYear;
  };
  const add = (y: number | undefined, m: number, d: number | 'end', what: string) => {
    if (y === undefined) {
      problems.push(`“${what}”没有写年份，需要方案的年份才能算出日期`);
      return;
    }
    if (m < 1 || m > 12) {
      problems.push(`“${what}”的月份不存在`);
      return;
    }
    const day = d === 'end' ? lastDay(y, m) : d;
    const date = `${y}-${pad(m)}-${pad(day)}`;
    if (!isCalendarDate(date)) problems.push(`“${what}”这一天不存在`);
    else dates.push(date);
  };

  // One pass over every date-like phrase, in the order written. Half-years and quarters come
  // before the year end, so that 2023年上半年 is not read as 2023年.
  const re = new RegExp(
    [
      String.raw`(?<iy>\d{4})[-/.](?<im>\d{1,2})[-/.](?<id>\d{1,2})`,
      String.raw`(?:(?<my>\d{4})年)?(?<mm>\d{1,2})月(?:(?<md>\d{1,2})[日号]|(?<mp>底|末|中旬|上旬|下旬|中))?`,
      String.raw`(?:(?<hy>\d{4})年)?(?<half>上半年|下半年|年中)`,
      String.raw`(?:(?<qy>\d{4})年)?第?(?<q>[一二三四1-4])季度`,
      String.raw`(?<ey>\d{4})年(?:底|末|内)?|年底|年末|年内`,
    ].join('|'),
    'g',
  );
  for (const m of text.matchAll(re)) {
    const g = m.groups!;
    const whole = m[0];
    if (g['iy']) add(yearFor(g['iy']), Number(g['im']), Number(g['id']), whole);
    else if (g['mm']) {
      const part = g['mp'];
      // 上旬 ends on the 10th, 月中 and 中旬 on the 15th and 20th; 底、末、下旬 and a bare month on its last day.
      const day = g['md'] ? Number(g['md']) : part === '上旬' ? 10 : part === '中旬' ? 20 : part === '中' ? 15 : ('end' as const);
      add(yearFor(g['my']), Number(g['mm']), day, whole);
    } else if (g['half']) add(yearFor(g['hy']), g['half'] === '下半年' ? 12 : 6, 'end', whole);
    else if (g['q']) add(yearFor(g['qy']), (/\d/.test(g['q']) ? Number(g['q']) : chineseNumeral(g['q'])!) * 3, 'end', whole);
    else add(yearFor(g['ey']), 12, 'end', whole);
  }
  return { dates, problems, inferredYear };
}

/**
 * Reads a 完成时限 as written.
 * @example readDeadline('2023年6月底前') // { wording: '2023年6月底前', kind: 'date', date: '2023-06-30', ongoing: false }
 * @example readDeadline('6月底前', { planYear: 2023 }).date // '2023-06-30'
 * @example readDeadline('6月30日前完成整改，今后长期坚持', { planYear: 2023 }) // kind 'date', date '2023-06-30', ongoing true
 * @example readDeadline('立行立改', { issued: '2023-03-15' }) // kind 'immediate', date '2023-03-15'
 * @example readDeadline('长期坚持') // kind 'ongoing', no date
 * @example readDeadline('X月X日前') // kind 'pending': the plan hides the date
 */
export function readDeadline(wording: string, ctx: DeadlineContext = {}): DeadlineReading {
  const written = wording.trim();
  // Full-width digits and spaces are how Word and web pages often write dates.
  const text = digitsInDates(halfWidthDigits(written).replace(/[\s\u3000]+/g, ''));
  const ongoing = ONGOING.test(text);
  const base = { wording: written, ongoing };

  if (text === '') return { ...base, kind: 'unreadable', note: '完成时限是空的' };
  if (PENDING.test(text)) {
    return { ...base, kind: 'pending', note: '原文未写明具体日期（写作“待定”或以 X 隐去），无法计算是否逾期' };
  }
  const { dates, problems, inferredYear } = findDates(text, ctx);
  if (problems.length > 0) return { ...base, kind: 'unreadable', note: `${problems.join('；')}。` };
  if (dates.length > 0) {
    // Staged deadlines (6月底前……12月底前……) are due when the last stage is.
    const date = dates.reduce((a, b) => (a > b ? a : b));
    const notes: string[] = [];
    if (dates.length > 1) notes.push(`原文有 ${dates.length} 个日期，按最晚的 ${date} 计算`);
    if (inferredYear) notes.push('年份取自方案');
    return { ...base, kind: 'date', date, ...(notes.length ? { note: `${notes.join('，')}。` } : {}) };
  }
  if (IMMEDIATE.test(text)) {
    if (ctx.issued) return { ...base, kind: 'immediate', date: ctx.issued };
    return { ...base, kind: 'immediate', note: '立行立改应在方案印发时完成，但不知道方案的印发日期，无法计算是否逾期' };
  }
  if (ongoing) return { ...base, kind: 'ongoing' };
  return {
    ...base,
    kind: 'unreadable',
    note: `看不懂完成时限“${written}”：可写作 2023年6月底前、12月31日前、年底前、立行立改、长期坚持、待定 或 2023-06-30`,
  };
}
