/**
 * Statistical periods (统计期) of the tidy data tables: a month `2026-09`, a quarter `2026-Q3`
 * or a year `2026`, matching the metric's 统计周期 (月/季/年).
 */

export type PeriodKind = '月' | '季' | '年';

/**
 * The kind of a period, or `undefined` when it is not one.
 * @example periodKind('2026-Q3') // '季'
 */
export function periodKind(period: string): PeriodKind | undefined {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return '月';
  if (/^\d{4}-Q[1-4]$/.test(period)) return '季';
  if (/^\d{4}$/.test(period)) return '年';
  return undefined;
}

/**
 * How a period is written for readers.
 * @example formatPeriod('2026-09') // '2026年9月'
 */
export function formatPeriod(period: string): string {
  const kind = periodKind(period);
  if (kind === '月') return `${period.slice(0, 4)}年${Number(period.slice(5))}月`;
  if (kind === '季') return `${period.slice(0, 4)}年第${period.slice(6)}季度`;
  return `${period}年`;
}
