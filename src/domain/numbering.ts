/**
 * The numbering of official documents (公文层次序号): 一、 → （一） → 1. → （1） → ①, and the
 * inline lists 一是……二是…… that plans use for 具体表现 and measures.
 *
 * A plan's items take their ids and labels from this numbering, so that a reader who quotes
 * “二（三）第2项” from the printed plan finds the same item on the site. Pure: no I/O.
 */

/**
 * How an item is numbered. The order of this list is the conventional rank (GB/T 9704 and common
 * practice): a document may skip a rank (一、 straight to 1.), but never goes the other way.
 */
export const MARKER_STYLES = ['chapter', 'paren-cn', 'arabic', 'paren-arabic', 'circled', 'ordinal-is'] as const;
export type MarkerStyle = (typeof MARKER_STYLES)[number];

/** A numbering marker found at the start of a line (or inside a text, for 一是). */
export interface NumberingMarker {
  style: MarkerStyle;
  /** Conventional rank, 1 for 一、 to 6 for 一是; the depth in a plan comes from the document's own nesting. */
  level: number;
  /** 1 for 一、（一）1. （1）① 一是. */
  ordinal: number;
  /** The marker as written, e.g. `（三）` or `2．`. */
  text: string;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN = '[零〇一二两三四五六七八九十百千]+';

/**
 * A Chinese numeral as a number, up to 九千九百九十九; `undefined` for anything else.
 * @example chineseNumeral('十二') // 12
 * @example chineseNumeral('九十九') // 99
 * @example chineseNumeral('一百零五') // 105
 * @example chineseNumeral('十一五') // undefined: not a numeral
 */
export function chineseNumeral(text: string): number | undefined {
  if (!new RegExp(`^${CN}$`).test(text) || /[零〇]$/.test(text)) return undefined;
  let total = 0;
  let pending: number | undefined; // the digit waiting for its unit
  let lastUnit = Infinity;
  for (const ch of text) {
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      // Two digits in a row only across a 零 (一百零五), never as in 十一五.
      if (pending !== undefined && pending !== 0) return undefined;
      pending = digit;
      continue;
    }
    const unit = UNITS[ch]!;
    if (unit >= lastUnit || pending === 0) return undefined;
    // 十 leading on its own stands for 一十 (十二 = 12).
    if (pending === undefined && total !== 0) return undefined;
    total += (pending ?? 1) * unit;
    lastUnit = unit;
    pending = undefined;
  }
  // 一百五 (150) is spoken, not written in a numbering: a digit after 百 or 千 needs its 零.
  if (pending !== undefined && lastUnit > 10 && lastUnit !== Infinity && !/[零〇]/.test(text)) return undefined;
  total += pending ?? 0;
  return total > 0 ? total : undefined;
}

/**
 * A number as the Chinese numeral a document writes, 1 to 9999.
 * @example toChineseNumeral(12) // '十二'
 * @example toChineseNumeral(21) // '二十一'
 * @example toChineseNumeral(105) // '一百零五'
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`toChineseNumeral: ${n} is outside 1–9999`);
  const digits = '零一二三四五六七八九';
  const units = ['千', '百', '十', ''];
  const parts = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  parts.forEach((d, i) => {
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += digits[d]! + units[i]!;
  });
  // 一十二 is written 十二 when it leads.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** ① to ㊿: the circled numbers of Unicode, in three runs. */
function circledOrdinal(ch: string): number | undefined {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  if (c >= 0x3251 && c <= 0x325f) return c - 0x3251 + 21;
  if (c >= 0x32b1 && c <= 0x32bf) return c - 0x32b1 + 36;
  return undefined;
}

/**
 * Full-width digits, letters, parentheses and spaces as ASCII, so `（１）` and `１．` read like `(1)` and `1.`.
 * Only for recognising markers: text is kept as written.
 * @example halfWidthDigits('１２．') // '12．'
 */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

const LEADING_SPACE = /^[\s\u3000]*/;

// Each pattern matches at the start of a line; `rest` is what follows the marker and its punctuation.
const PATTERNS: { style: MarkerStyle; re: RegExp; ordinal: (m: RegExpExecArray) => number | undefined }[] = [
  { style: 'paren-cn', re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)][、，,.．]?`), ordinal: (m) => chineseNumeral(m[1]!) },
  { style: 'paren-arabic', re: /^[（(]\s*(\d{1,3})\s*[）)][、，,.．]?/, ordinal: (m) => Number(m[1]) },
  // 一、 (or 一．); a bare 一 followed by text is a word, not a marker.
  { style: 'chapter', re: new RegExp(`^(${CN})\\s*[、.．](?!\\d)`), ordinal: (m) => chineseNumeral(m[1]!) },
  // 1. 1、 1． — but not 1.5万, 2023年 or 12月.
  { style: 'arabic', re: /^(\d{1,3})\s*(?:[、．]|\.(?!\d))/, ordinal: (m) => Number(m[1]) },
  { style: 'circled', re: /^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])[、.．]?/u, ordinal: (m) => circledOrdinal(m[1]!) },
  { style: 'ordinal-is', re: new RegExp(`^(${CN})是`), ordinal: (m) => chineseNumeral(m[1]!) },
];

/**
 * The numbering marker at the start of `line`, with the text after it.
 * @example readMarker('（三）部分党组织生活制度执行不严格') // { marker: { style: 'paren-cn', level: 2, ordinal: 3, text: '（三）' }, rest: '部分党组织生活制度执行不严格' }
 * @example readMarker('２．加大村（社区）干部培训力度').marker // { style: 'arabic', level: 3, ordinal: 2, text: '２．' }
 * @example readMarker('2023年6月底前完成') // undefined
 */
export function readMarker(line: string): { marker: NumberingMarker; rest: string } | undefined {
  const lead = LEADING_SPACE.exec(line)![0].length;
  const original = line.slice(lead);
  const text = halfWidthDigits(original);
  for (const { style, re, ordinal } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const n = ordinal(m);
    if (n === undefined || n < 1) continue;
    // Full-width digits are one UTF-16 unit each, like their ASCII stand-ins: the lengths agree.
    const written = original.slice(0, m[0].length);
    return {
      marker: { style, level: MARKER_STYLES.indexOf(style) + 1, ordinal: n, text: written.trim() },
      rest: original.slice(m[0].length).replace(LEADING_SPACE, ''),
    };
  }
  return undefined;
}

/** One entry of an inline 一是……二是…… list. */
export interface InlineItem {
  ordinal: number;
  /** The item's text without its 一是, as written (its closing punctuation kept). */
  text: string;
}

/**
 * Splits a text at 一是、二是、三是…, which must come in order and each start a clause (at the
 * start or after punctuation), so that 就是、但是 and a stray 三是 inside a sentence are left alone.
 * `lead` is the text before 一是; a text without 一是 has no items.
 * @example splitInlineList('具体表现：一是学习不深入。二是制度不落实。')
 *   // { lead: '具体表现：', items: [{ ordinal: 1, text: '学习不深入。' }, { ordinal: 2, text: '制度不落实。' }] }
 */
export function splitInlineList(text: string): { lead: string; items: InlineItem[] } {
  const starts: { at: number; after: number }[] = [];
  let from = 0;
  for (let n = 1; ; n += 1) {
    const word = `${toChineseNumeral(n)}是`;
    let at = text.indexOf(word, from);
    while (at !== -1 && !isClauseStart(text, at)) at = text.indexOf(word, at + 1);
    if (at === -1) break;
    starts.push({ at, after: at + word.length });
    from = at + word.length;
  }
  // A lone 一是 is not a list.
  if (starts.length < 2) return { lead: text, items: [] };
  const items = starts.map((s, i) => ({ ordinal: i + 1, text: text.slice(s.after, starts[i + 1]?.at ?? text.length).trim() }));
  return { lead: text.slice(0, starts[0]!.at), items };
}

function isClauseStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1]!;
  // A numeral right before (十一是 read as 一是) is not a start; punctuation or a space is.
  return /[\s\u3000。；;，,：:！!？?、）)】」”]/.test(before);
}

/** One step of an item's path: how the document numbered it at that depth. */
export interface PathStep {
  style: MarkerStyle;
  ordinal: number;
}

/**
 * An item's stable id from the ordinals of its path: what its file and URL are named after.
 * @example itemId([2, 3]) // '2-3'
 * @example itemId([{ style: 'paren-cn', ordinal: 4 }, { style: 'arabic', ordinal: 7 }]) // '4-7'
 */
export function itemId(path: readonly (number | PathStep)[]): string {
  if (path.length === 0) throw new RangeError('itemId: empty path');
  return path.map((s) => (typeof s === 'number' ? s : s.ordinal)).join('-');
}

/** A step as a document writes it when quoting an item: 二, （三）, 3, （2）, ②, 一是. */
function stepForm(step: PathStep): string {
  const cn = () => toChineseNumeral(step.ordinal);
  switch (step.style) {
    case 'chapter':
      return cn();
    case 'paren-cn':
      return `（${cn()}）`;
    case 'arabic':
      return String(step.ordinal);
    case 'paren-arabic':
      return `（${step.ordinal}）`;
    case 'circled':
      return String.fromCodePoint(0x2460 + step.ordinal - 1);
    case 'ordinal-is':
      return `${cn()}是`;
  }
}

/**
 * An item's short label, in the document's own numbering: what a reader quotes.
 * Two Arabic steps in a row are joined by a dot, so that 1 then 2 reads 1.2, not 12.
 * @example itemLabel([{ style: 'chapter', ordinal: 2 }, { style: 'paren-cn', ordinal: 3 }]) // '二（三）'
 * @example itemLabel([{ style: 'paren-cn', ordinal: 2 }, { style: 'arabic', ordinal: 3 }]) // '（二）3'
 * @example itemLabel([{ style: 'arabic', ordinal: 1 }, { style: 'arabic', ordinal: 2 }]) // '1.2'
 */
export function itemLabel(path: readonly PathStep[]): string {
  let out = '';
  path.forEach((step, i) => {
    const prev = path[i - 1];
    const arabicRun = prev?.style === 'arabic' && step.style === 'arabic';
    out += (arabicRun ? '.' : '') + stepForm(step);
  });
  return out;
}

/**
 * An item's label with the document's nouns, as a sentence quotes it: a Chinese-numbered step
 * reads noun + marker (问题（二）), a counted one reads 第N + noun (第3项).
 * @example itemCitation([{ style: 'paren-cn', ordinal: 2 }, { style: 'arabic', ordinal: 3 }], ['问题', '项']) // '问题（二）第3项'
 * @example itemCitation([{ style: 'chapter', ordinal: 1 }, { style: 'ordinal-is', ordinal: 2 }], ['方面', '条']) // '第一方面第二条'
 */
export function itemCitation(path: readonly PathStep[], nouns: readonly string[]): string {
  return path
    .map((step, i) => {
      const noun = nouns[i] ?? '';
      switch (step.style) {
        case 'paren-cn':
          return `${noun}${stepForm(step)}`;
        case 'chapter':
        case 'ordinal-is':
          return `第${toChineseNumeral(step.ordinal)}${noun}`;
        default:
          return `第${step.ordinal}${noun}`;
      }
    })
    .join('');
}
