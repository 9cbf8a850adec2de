/**
 * Calendar dates for the site, always in China Standard Time (Asia/Shanghai).
 *
 * A deadline such as "2026-12-31" is a day on the town's calendar, not an instant, so dates are
 * kept as `YYYY-MM-DD` strings and compared as strings; arithmetic goes through UTC midnights,
 * which have no daylight-saving jumps. Nothing here reads the wall clock except `buildDate`,
 * the single source of 数据截至 (data as of).
 */

/** A calendar date written `YYYY-MM-DD`, e.g. `2026-09-04`. */
export type CalendarDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;
const MS_PER_DAY = 86_400_000;
export const TIME_ZONE = 'Asia/Shanghai';

/**
 * Whether `text` is a date that exists on the calendar.
 * @example isCalendarDate('2024-02-29') // true
 * @example isCalendarDate('2021-02-30') // false: February 2021 has 28 days
 */
export function isCalendarDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * Normalises a date as a YAML parser hands it over. Astro's frontmatter parser (js-yaml) turns
 * an unquoted `2026-09-04` into a `Date` at UTC midnight, the checker's parser keeps the text:
 * both must end up as the same calendar date.
 */
export function toCalendarDate(value: string | Date): CalendarDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  const text = value.trim();
  return isCalendarDate(text) ? text : undefined;
}

/**
 * A local time in Asia/Shanghai, written `YYYY-MM-DD HH:mm`, as epoch milliseconds.
 * @example parseLocalDateTime('2026-09-04 08:30') // Date.UTC(2026, 8, 4, 0, 30)
 */
export function parseLocalDateTime(text: string): number | undefined {
  const m = DATETIME_RE.exec(text.trim());
  if (!m || !isCalendarDate(m[1]!)) return undefined;
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59) return undefined;
  const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number];
  // China has had no daylight-saving time since 1991: a fixed +08:00 offset is exact.
  return Date.UTC(y, mo - 1, d, h - 8, min);
}

/**
 * Normalises a local date-time from YAML. js-yaml reads `2026-09-04 08:30:00` (with seconds) as
 * a UTC instant, so its UTC fields are what the editor typed.
 */
export function toLocalDateTime(value: string | Date): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return value.toISOString().slice(0, 16).replace('T', ' ');
  }
  const text = value.trim();
  return parseLocalDateTime(text) === undefined ? undefined : text.replace('T', ' ');
}

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
