/**
 * 自报数字: the totals and progress a plan or a 通报 states about itself (“截至2023年6月30日，共梳理整改
 * 任务106项，已完成98项，正在整改8项”), kept as dated data beside the counts the site computes from its
 * own items. The two are never merged: a document may count tasks while the site counts the measures
 * entered so far, so every page shows both and says in words why they differ.
 */
import { formatDate, type CalendarDate } from './dates.ts';

/** One dated report of the plan's own figures (plan.md `reported`). */
export interface ReportedFigure {
  /** 截至 date of the figures. */
  date: CalendarDate;
  total: number;
  done: number;
  /** 正在整改 / 未完成, when the document gives it. */
  inProgress?: number | undefined;
  /** What the document counts: 整改任务, 问题, 整改措施. */
  counted?: string | undefined;
  /** Where the figures come from: the document's title or 文号, or the sentence as written. */
  source?: string | undefined;
}

/** What the site counts itself, to set beside a reported figure. */
export interface ComputedCounts {
  total: number;
  /** Closed items (已完成 + 长期坚持). */
  closed: number;
  /** What the site counts, as its pages say it: 整改措施. */
  noun: string;
  /** Who counted: 本站 on pages, 台账 in the progress report. */
  speaker?: string;
}

/** The noun a document counts when it says nothing else. */
export const DEFAULT_COUNTED = '整改任务';

/** A whole percentage, as the site's own counts show it. */
export function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 100);
}

/**
 * One figure in a sentence, as a reader expects it from a 通报.
 * @example reportedSentence({ date: '2023-06-30', total: 106, done: 98, inProgress: 8 })
 * // '截至2023年6月30日，共有整改任务106项，已完成98项，正在整改8项，完成率92%'
 */
export function reportedSentence(figure: ReportedFigure): string {
  const noun = figure.counted ?? DEFAULT_COUNTED;
  const open = figure.inProgress === undefined ? '' : `，正在整改${figure.inProgress}项`;
  return `截至${formatDate(figure.date)}，共有${noun}${figure.total}项，已完成${figure.done}项${open}，完成率${percentOf(figure.done, figure.total)}%`;
}

/**
 * The figure in a few words, for the first screen of a phone and the display screens.
 * @example reportedShort({ date: '2023-06-30', total: 106, done: 98, inProgress: 8 })
 * // '截至2023年6月30日，整改任务已完成98/106项（92%），正在整改8项'
 */
export function reportedShort(figure: ReportedFigure): string {
  const open = figure.inProgress === undefined ? '' : `，正在整改${figure.inProgress}项`;
  return `截至${formatDate(figure.date)}，${figure.counted ?? DEFAULT_COUNTED}已完成${figure.done}/${figure.total}项（${percentOf(figure.done, figure.total)}%）${open}`;
}

/**
 * Why the reported figure and the site's own count differ, in plain Chinese; undefined when they
 * agree. The site's count is never adjusted to the document's: both stand, each with what it counts.
 * @example differenceText({ date: '2023-06-30', total: 106, done: 98, counted: '整改任务' }, { total: 4, closed: 2, noun: '整改措施' })
 * // '原文按整改任务计106项，本站按已录入的4项整改措施计，两者口径不同；本站的数字只反映已录入的条目和进展记录。'
 */
export function differenceText(figure: ReportedFigure, computed: ComputedCounts): string | undefined {
  const noun = figure.counted ?? DEFAULT_COUNTED;
  const who = computed.speaker ?? '本站';
  if (figure.total !== computed.total) {
    return `原文按${noun}计${figure.total}项，${who}按已录入的${computed.total}项${computed.noun}计，两者口径不同；${who}的数字只反映已录入的条目和进展记录。`;
  }
  if (figure.done !== computed.closed) {
    return `原文与${who}都计${computed.total}项；原文截至${formatDate(figure.date)}已完成${figure.done}项，${who}按进展记录已销号${computed.closed}项：${who}只计有进展记录为证的。`;
  }
  return undefined;
}

/**
 * The figure in the fewest words, for the first screen of a phone, where every line pushes the
 * newest records further down.
 * @example reportedCompact({ date: '2023-06-30', total: 106, done: 98 }) // '截至2023年6月30日已完成98/106项（整改任务）'
 */
export function reportedCompact(figure: ReportedFigure): string {
  return `截至${formatDate(figure.date)}已完成${figure.done}/${figure.total}项（${figure.counted ?? DEFAULT_COUNTED}）`;
}

/**
 * The difference in a few words, for a display screen that has no room for the sentence.
 * @example differenceShort({ date: '2023-06-30', total: 106, done: 98 }, { total: 4, closed: 2, noun: '整改措施' })
 * // '本站按已录入的4项整改措施计，口径不同'
 */
export function differenceShort(figure: ReportedFigure, computed: ComputedCounts): string | undefined {
  const who = computed.speaker ?? '本站';
  if (figure.total !== computed.total) return `${who}按已录入的${computed.total}项${computed.noun}计，口径不同`;
  if (figure.done !== computed.closed) return `${who}只计有进展记录为证的，已销号${computed.closed}项`;
  return undefined;
}

/** Newest first; the order of the file breaks a tie (the checker refuses two figures of one date). */
export function newestReported<T extends { date: CalendarDate }>(figures: readonly T[]): T[] {
  return figures
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.date === b.f.date ? a.i - b.i : a.f.date < b.f.date ? 1 : -1))
    .map(({ f }) => f);
}

/** What the pages show: the newest figure with its sentence and the difference, then the older ones. */
export interface ReportedView {
  latest: ReportedFigure & {
    sentence: string;
    short: string;
    compact: string;
    difference?: string;
    differenceShort?: string;
    percent: number;
  };
  /** Older figures, newest first, each with its sentence. */
  older: (ReportedFigure & { sentence: string })[];
}

/**
 * The reported figures as of a date (later ones are not yet known on that date), set beside the
 * site's own counts; undefined when the plan reports none.
 */
export function reportedView(
  figures: readonly ReportedFigure[] | undefined,
  computed: ComputedCounts,
  asOf?: CalendarDate,
): ReportedView | undefined {
  const known = newestReported((figures ?? []).filter((f) => asOf === undefined || f.date <= asOf));
  const [latest, ...older] = known;
  if (!latest) return undefined;
  const difference = differenceText(latest, computed);
  const brief = differenceShort(latest, computed);
  return {
    latest: {
      ...latest,
      sentence: reportedSentence(latest),
      short: reportedShort(latest),
      compact: reportedCompact(latest),
      percent: percentOf(latest.done, latest.total),
      ...(difference ? { difference } : {}),
      ...(brief ? { differenceShort: brief } : {}),
    },
    older: older.map((f) => ({ ...f, sentence: reportedSentence(f) })),
  };
}

/**
 * The noun a reported sentence counts: “共梳理整改任务106项” → 整改任务. Undefined when the sentence
 * names none (“共106项”).
 */
export function countedNoun(sentence: string): string | undefined {
  const m = /共(?:有|计|梳理|排查|查摆|制定|列出)?([^\d０-９。；，,]{1,8}?)[\d０-９]+(?:个|项|条)/.exec(sentence);
  const noun = m?.[1]?.replace(/^(?:出|了)/, '').trim();
  return noun ? noun : undefined;
}

/** A figure as the importer reads it from the document (src/cli/plan-import.ts `ReportedProgress`). */
export interface ImportedFigure {
  total: number;
  done: number;
  inProgress?: number;
  asOf?: CalendarDate;
  sentence: string;
  line: number;
}

/**
 * The importer's figures as plan.md's `reported` list. A figure without its own 截至 date takes the
 * document's date (a 通报 reports as of the day it is issued); one with neither is left to the office.
 */
export function reportedFromImport(
  figures: readonly ImportedFigure[],
  issued: CalendarDate | undefined,
): { reported: ReportedFigure[]; todo: string[] } {
  const reported: ReportedFigure[] = [];
  const todo: string[] = [];
  for (const f of figures) {
    const date = f.asOf ?? issued;
    if (!date) {
      todo.push(
        `第${f.line}行：方案自报的进展数字（共${f.total}项，已完成${f.done}项）没有截至日期，未写入；请在 plan.md 的 reported 中补写，并填 date`,
      );
      continue;
    }
    const counted = countedNoun(f.sentence);
    reported.push({
      date,
      total: f.total,
      done: f.done,
      ...(f.inProgress === undefined ? {} : { inProgress: f.inProgress }),
      ...(counted ? { counted } : {}),
      source: f.sentence,
    });
    if (!f.asOf) todo.push(`第${f.line}行：自报进展数字没有写“截至”日期，date 按文件落款日期 ${date} 填写，请核对`);
  }
  return { reported, todo };
}
