/**
 * Field builders with the Chinese message the office sees when a value is wrong.
 *
 * Astro passes its own error map to zod, so a zod locale never reaches the editor: only a
 * message written on the field does. Every message says what is allowed and gives an example.
 */
import { z } from 'astro/zod';
import { toCalendarDate, toLocalDateTime } from './vocabulary.ts';

/** Zod error params: "缺少" when the field is absent, otherwise the rule itself. */
export function hint(rule: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? `缺少此项。${rule}` : rule),
  };
}

/** Non-empty text on one or more lines. */
export function text(rule: string) {
  return z.string(hint(rule)).trim().min(1, hint(rule));
}

/** A whole number within a range. */
export function count(rule: string, min = 0, max = 10_000) {
  return z.number(hint(rule)).int(hint(rule)).min(min, hint(rule)).max(max, hint(rule));
}

/**
 * A non-negative number in a CSV cell. An empty cell is an error, not 0 (as `z.coerce` would
 * make it): a missing figure must not be published as a zero.
 */
export function numberCell(rule: string) {
  return z.union([z.number(), z.string()], hint(rule)).transform((value, ctx) => {
    const n = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isFinite(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: rule, input: value });
      return z.NEVER;
    }
    return n;
  });
}

/** A list with at least one item. */
export function nonEmptyList<T extends z.ZodType>(item: T, rule: string) {
  return z.array(item, hint(rule)).min(1, hint(rule));
}

/** An id an entry gives something of its own (a milestone, an obligation, a metric): lowercase, digits, hyphens. */
export function ownId(rule: string) {
  return z.string(hint(rule)).regex(SLUG_ID, hint(rule));
}

/** The collections a field may point into; the checker and the CMS forms read this off the schema. */
export type RefTarget = 'measures' | 'units' | 'areas' | 'columns' | 'screens';

/**
 * An id of another entry of `collection`. The reference is declared here, on the field (`x-ref`),
 * so the checker finds every reference by walking the schema (src/schemas/references.ts) and the
 * CMS forms offer the collection's entries; nobody lists reference fields by hand.
 */
export function ref(pattern: RegExp, rule: string, collection: RefTarget) {
  return z.string(hint(rule)).regex(pattern, hint(rule)).meta({ 'x-ref': collection });
}

/**
 * An item's id: the 方面's number, then the item's number at each level (`2-3`, `2-3-1`); the
 * domain reads ids with it (src/domain/measures.ts).
 */
export const MEASURE_ID = /^[1-9]\d*(-[1-9]\d*)+$/;
export const AREA_ID = /^[1-9]\d*$/;
export const SLUG_ID = /^[a-z0-9][a-z0-9-]*$/;

export const measureRef = ref(
  MEASURE_ID,
  '条目编号（src/content/measures/ 下的文件名），写成“方面序号-序号”，例如 2-3（第二个方面的第3项）；下一层再加“-序号”，例如 2-3-1',
  'measures',
);
export const areaRef = ref(AREA_ID, '问题方面编号，即 src/content/areas/ 下的文件名（不含 .md），例如 2', 'areas');
export const unitRef = ref(SLUG_ID, '单位编号，即 src/content/units/ 下的文件名（不含 .md），例如 a-cun', 'units');

/**
 * A calendar date `YYYY-MM-DD` that exists. Accepts the Date that Astro's YAML parser makes of
 * an unquoted date, so the same schema serves the build and the checker.
 */
export function calendarDate(rule = '日期，格式 YYYY-MM-DD，且须是真实存在的日期，例如 2026-09-04') {
  return z.union([z.string(), z.date()], hint(rule)).transform((value, ctx) => {
    const date = toCalendarDate(value);
    if (date === undefined) {
      // A well-formed date that is not on the calendar (2021-02-30) deserves its own words.
      const wellFormed = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
      const month = wellFormed ? Number(value.trim().slice(5, 7)) : 0;
      const why = month < 1 || month > 12 ? `没有 ${month} 月` : '该月没有这一天';
      ctx.addIssue({ code: 'custom', message: wellFormed ? `日期 ${value.trim()} 不存在（${why}）。${rule}` : rule, input: value });
      return z.NEVER;
    }
    return date;
  });
}

/** A local time in Asia/Shanghai, `YYYY-MM-DD HH:mm`. */
export function localDateTime(rule = '北京时间，格式 YYYY-MM-DD HH:mm，例如 2026-12-04 08:00') {
  return z.union([z.string(), z.date()], hint(rule)).transform((value, ctx) => {
    const dateTime = toLocalDateTime(value);
    if (dateTime === undefined) {
      ctx.addIssue({ code: 'custom', message: rule, input: value });
      return z.NEVER;
    }
    return dateTime;
  });
}

/** A date, or 待定 for a date the plan leaves as “X月X日”. */
export function dateOrPending(rule: string) {
  return z.union([z.literal('待定'), calendarDate(rule)], hint(rule));
}

/**
 * An image beside the entry, as a file name: the checker's stand-in for Astro's `image()`, which
 * only the build can resolve. The checker then checks that the file exists.
 */
export function imageFile() {
  return z.string(hint('图片文件名，图片与这个文件放在同一文件夹，写 ./文件名，例如 ./cover.jpg'));
}

/** A time of day `HH:mm`. */
export function timeOfDay(rule: string) {
  return z.string(hint(rule)).regex(/^([01]\d|2[0-3]):[0-5]\d$/, hint(rule));
}

/**
 * An object that refuses unknown keys, so a misspelt field name (deadlin:) is an error rather
 * than silently ignored.
 */
export function strict<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `不认识的字段：${issue.keys.join('、')}。请检查拼写；这里可用的字段是 ${Object.keys(shape).join('、')}`
        : '这里应是一组“字段: 值”',
  });
}
