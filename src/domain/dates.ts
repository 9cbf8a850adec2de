/**
 * Calendar dates for the site, always in China Standard Time (Asia/Shanghai).
 *
 * A deadline such as "2026-12-31" is a day on the town's calendar, not an instant, so dates are
 * kept as `YYYY-MM-DD` strings and compared as strings; arithmetic goes through UTC midnights,
 * which have no daylight-saving jumps. Nothing here reads the wall clock except `buildDate`,
 * the single source of 数据截至 (data as of).
 */

import type { CalendarDate } from '../schemas/vocabulary.ts';

export type { CalendarDate };

const MS_PER_DAY = 86_400_000;
export const TIME_ZONE = 'Asia/Shanghai';

/** The calendar date in Asia/Shanghai at the given instant. */
export function dateInShanghai(instant: Date): CalendarDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * The build date (数据截至): `SOURCE_DATE_EPOCH` (seconds) when set, so that a rebuild of the
 * same commit gives the same pages, otherwise the moment of the build.
 */
export function buildDate(env: Record<string, string | undefined>, now: () => Date = () => new Date()): CalendarDate {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return dateInShanghai(new Date(Number(epoch) * 1000));
  return dateInShanghai(now());
}

function toUtcDays(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 * @example daysBetween('2026-11-26', '2026-12-31') // 35
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toUtcDays(to) - toUtcDays(from);
}

/**
 * A date as readers write it.
 * @example formatDate('2026-09-04') // '2026年9月4日'
 */
export function formatDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * A date with its day of the week, as a notice or the next recurring obligation is announced.
 * @example formatDateWithWeekday('2026-12-04') // '2026年12月4日（星期五）'
 */
export function formatDateWithWeekday(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${formatDate(date)}（星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}
