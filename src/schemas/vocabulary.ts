/**
 * The words and patterns the content model is written in: calendar dates and local times as the
 * editors type them, the four status words, and the two rules a single value carries (a plan's
 * own figures add up; a public address is only a domain). They live here, below everything else,
 * because the schemas validate with them; the domain (src/domain/) builds on them.
 */

/** A calendar date written `YYYY-MM-DD`, e.g. `2026-09-04`. */
export type CalendarDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;

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

/** The statuses a progress record may set, in the order a measure usually goes through them. */
export const STATUSES = ['未启动', '推进中', '已完成', '长期坚持'] as const;
export type MeasureStatus = (typeof STATUSES)[number];

/**
 * What is wrong with one figure, field by field, in Chinese: the schema's refinement and the
 * tests use the same rules.
 * @example reportedProblems({ date: '2023-06-30', total: 10, done: 12 })[0].field // 'done'
 */
export function reportedProblems(figure: {
  total: number;
  done: number;
  inProgress?: number | undefined;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { total, done, inProgress } = figure;
  if (done > total) problems.push({ field: 'done', message: `已完成数 ${done} 大于总数 ${total}：已完成的不能比总数多，请核对原文` });
  if (inProgress !== undefined) {
    if (inProgress > total) {
      problems.push({ field: 'inProgress', message: `正在整改数 ${inProgress} 大于总数 ${total}：请核对原文` });
    } else if (done <= total && done + inProgress > total) {
      problems.push({
        field: 'inProgress',
        message: `已完成 ${done} 项加正在整改 ${inProgress} 项共 ${done + inProgress} 项，超过总数 ${total} 项：请核对原文`,
      });
    }
  }
  return problems;
}

/**
 * Checks a public address as an editor writes it: http(s), a host, and nothing after the
 * host (the site is built for the root of its domain). Returns a Chinese reason, or undefined.
 * @example addressProblem('dj.example.gov.cn') // '…要以 https:// 或 http:// 开头…'
 */
export function addressProblem(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `“${address}”不是完整的网址，要以 https:// 或 http:// 开头，例如 https://dj.example.gov.cn/`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `“${address}”要以 https:// 或 http:// 开头`;
  if (url.pathname !== '/' || url.search || url.hash || url.username)
    return `“${address}”只写到域名为止（本网站放在域名的根目录），例如 ${url.origin}/`;
  return undefined;
}
