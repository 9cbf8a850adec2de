/**
 * How measures' deadlines, countdowns and areas' numbers are written for readers. Pure text:
 * pages, the ledger CSV and (later) the display screens share these words.
 */
import { formatDate } from './dates.ts';
import type { Deadline, MeasureState } from './status.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * A number as the plan writes its headings, up to 99.
 * @example chineseNumeral(4) // '四'
 * @example chineseNumeral(12) // '十二'
 */
export function chineseNumeral(n: number): string {
  if (n >= 1 && n <= 10) return NUMERALS[n - 1]!;
  if (n > 10 && n < 20) return `十${NUMERALS[n - 11]}`;
  if (n >= 20 && n < 100) return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 === 0 ? '' : NUMERALS[(n % 10) - 1]}`;
  return String(n);
}

/**
 * A deadline in words.
 * @example deadlineText('2026-12-31') // '2026年12月31日'
 * @example deadlineText('长期') // '长期' (not 长期坚持, which is a status)
 */
export function deadlineText(deadline: Deadline): string {
  if (deadline === '待定') return '待定';
  if (deadline === '长期') return '长期';
  return formatDate(deadline);
}

/**
 * Days left or overdue for an open measure with a dated deadline; empty otherwise.
 * @example countdownText({ daysLeft: 3 }) // '还剩 3 天'
 * @example countdownText({ daysLeft: -12 }) // '已逾期 12 天'
 */
export function countdownText(state: Pick<MeasureState, 'daysLeft'>): string {
  const { daysLeft } = state;
  if (daysLeft === undefined) return '';
  if (daysLeft > 0) return `还剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `已逾期 ${-daysLeft} 天`;
}

/**
 * The first sentence of a plain text, for a notice's line on the home page: up to the first
 * 。！？ or line break, cut at `max` characters with an ellipsis.
 * @example firstSentence('12月4日为主题党日。各支部集中学习。') // '12月4日为主题党日。'
 */
export function firstSentence(text: string, max = 60): string {
  const trimmed = text.trim();
  const end = trimmed.search(/[。！？!?]|\n/);
  const sentence = (end === -1 ? trimmed : trimmed.slice(0, end + (trimmed[end] === '\n' ? 0 : 1))).trim();
  return [...sentence].length > max ? `${[...sentence].slice(0, max - 1).join('')}…` : sentence;
}

/**
 * Markdown or MDX as plain text, for what machines read (the open-data feed, screens): tags and
 * MDX components dropped, link text kept, markup characters removed, whitespace collapsed.
 * @example plainText('**整改**见 [措施](/measures/2-3/)。<MeasureLink id="2-3" />') // '整改见 措施。'
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s*(import|export)\s.*$/gm, '')
    .replace(/<[^>]*>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>|~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
