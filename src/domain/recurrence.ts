/**
 * Recurring obligations (活动日, 集中学习, 党课, 述职 …) as a plan states them: "每月第一周的星期五",
 * "每季度", "每年12月". The rule is content (settings `obligations`); this module turns it into
 * dates, Chinese wording and an iCalendar repetition, so the site, the calendar feed and the
 * display screens (which evaluate it again on their own clock) agree.
 *
 * A rule names a period (month, quarter, year), optionally the month inside it, and optionally a
 * day: either a day of the month or the nth weekday. Without a day the obligation has no fixed
 * date (方案只说“每月一次”): it is a reminder on the first day of its period, never announced as
 * "the next X is on …".
 */
import type { CalendarDate } from './dates.ts';

export type RuleEvery = 'month' | 'quarter' | 'year';

export interface RecurrenceRule {
  every: RuleEvery;
  /** For a quarter: its 1st–3rd month; for a year: the month 1–12. Default the first. */
  month?: number | undefined;
  /** Day of the month, 1–28 (every month has it). */
  day?: number | undefined;
  /** Day of the week, 1 = 星期一 … 7 = 星期日. */
  weekday?: number | undefined;
  /** Which such weekday of the month: 1–4, or -1 for the last. Default 1. */
  nth?: number | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): CalendarDate => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whether the rule fixes a day (and so a date to announce), not only a period. */
export function hasFixedDay(rule: RecurrenceRule): boolean {
  return rule.day !== undefined || rule.weekday !== undefined;
}

/** Months in a period, as its length. */
const PERIOD_MONTHS: Record<RuleEvery, number> = { month: 1, quarter: 3, year: 12 };

/** The first month (1–12) of the period of `every` that contains `month`. */
function periodStart(every: RuleEvery, month: number): number {
  const len = PERIOD_MONTHS[every];
  return Math.floor((month - 1) / len) * len + 1;
}

/** The day in month `m` of year `y` the rule names (or the 1st when it names none). */
function dayInMonth(rule: RecurrenceRule, y: number, m: number): number {
  if (rule.day !== undefined) return Math.min(rule.day, daysIn(y, m));
  if (rule.weekday === undefined) return 1;
  const target = rule.weekday % 7; // JavaScript: 0 = Sunday
  const nth = rule.nth ?? 1;
  if (nth === -1) {
    const last = daysIn(y, m);
    const weekday = new Date(Date.UTC(y, m - 1, last)).getUTCDay();
    return last - ((weekday - target + 7) % 7);
  }
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  return 1 + ((target - first + 7) % 7) + (nth - 1) * 7;
}

/**
 * The occurrence in the period that contains year `y`, month `m`.
 * @example occurrenceInPeriod({ every: 'month', weekday: 5, nth: 1 }, 2026, 12) // '2026-12-04'
 * @example occurrenceInPeriod({ every: 'year', month: 12 }, 2026, 3) // '2026-12-01'
 */
export function occurrenceInPeriod(rule: RecurrenceRule, y: number, m: number): CalendarDate {
  const month = periodStart(rule.every, m) + (rule.month ?? 1) - 1;
  return iso(y, month, dayInMonth(rule, y, month));
}

/**
 * The first occurrence on or after `today`.
 * @example nextOccurrence({ every: 'month', weekday: 5, nth: 1 }, '2026-12-05') // '2027-01-01'
 */
export function nextOccurrence(rule: RecurrenceRule, today: CalendarDate): CalendarDate {
  let [y, m] = today.split('-').map(Number) as [number, number];
  // At most two periods: this one's occurrence may be past, the next one's is not.
  for (let i = 0; i < 2; i++) {
    const date = occurrenceInPeriod(rule, y, m);
    if (date >= today) return date;
    m = periodStart(rule.every, m) + PERIOD_MONTHS[rule.every];
    if (m > 12) [y, m] = [y + 1, m - 12];
  }
  return occurrenceInPeriod(rule, y, m);
}

const WEEKDAY_WORDS = ['', '一', '二', '三', '四', '五', '六', '日'];
const NTH_WORDS: Record<number, string> = { 1: '第一个', 2: '第二个', 3: '第三个', 4: '第四个', [-1]: '最后一个' };
const EVERY_WORDS: Record<RuleEvery, string> = { month: '每月', quarter: '每季度', year: '每年' };

/**
 * The rule in words, when the obligation does not keep the plan's own.
 * @example ruleText({ every: 'month', weekday: 5, nth: 1 }) // '每月第一个星期五'
 * @example ruleText({ every: 'quarter' }) // '每季度'
 * @example ruleText({ every: 'year', month: 12 }) // '每年12月'
 */
export function ruleText(rule: RecurrenceRule): string {
  let words = EVERY_WORDS[rule.every];
  if (rule.month !== undefined) words += rule.every === 'quarter' ? `第${rule.month}个月` : `${rule.month}月`;
  if (rule.day !== undefined) words += `${rule.day}日`;
  else if (rule.weekday !== undefined) words += `${NTH_WORDS[rule.nth ?? 1]}星期${WEEKDAY_WORDS[rule.weekday]}`;
  return words;
}

/** An iCalendar repetition (RFC 5545) in the terms ical-generator takes. */
export interface Repetition {
  freq: 'MONTHLY' | 'YEARLY';
  interval?: number;
  byMonth?: number[];
  byMonthDay?: number[];
  byDay?: string[];
  bySetPos?: number;
}

const ICS_DAYS = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The repetition that gives the same dates as `occurrenceInPeriod`, starting from its first one. */
export function repetition(rule: RecurrenceRule): Repetition {
  const base: Repetition =
    rule.every === 'year'
      ? { freq: 'YEARLY', byMonth: [rule.month ?? 1] }
      : rule.every === 'quarter'
        ? { freq: 'MONTHLY', interval: 3 }
        : { freq: 'MONTHLY' };
  if (rule.day !== undefined) return { ...base, byMonthDay: [rule.day] };
  if (rule.weekday !== undefined) return { ...base, byDay: [ICS_DAYS[rule.weekday]!], bySetPos: rule.nth ?? 1 };
  return { ...base, byMonthDay: [1] };
}
