/**
 * Finds personal data (个人信息) that must never be published: mainland resident ID-card numbers
 * (居民身份证号码, GB 11643, and the old 15-digit numbers) and mobile numbers. The site publishes
 * aggregates only, so any such number in content, data, file names or the built site is refused,
 * wherever it stands and however it is written.
 *
 * Numbers are matched after normalising what a browser or search index would join back into one
 * number: HTML entities (`&#49;`), %-escapes, full-width and other compatibility digits (NFKC),
 * HTML comments inside the number, and spaces, NBSP, zero-width characters, hyphens, dots and
 * line breaks between digits. Honest numbers stay accepted: an amount with its unit
 * (`13800000000元`), landlines, dates, decimals.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export type PersonalDataKind = 'id-card' | 'mobile';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** Offset of the match in the original text. */
  index: number;
  /** The match with its middle hidden, safe to print in a CI log. */
  masked: string;
  /** The number's digits as published, to trace a hit in the built site back to its source. */
  digits: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CODES = '10X98765432';

/**
 * Whether an 18-character ID number carries a valid GB 11643 check digit (ISO 7064 MOD 11-2).
 * @example hasValidIdCheckDigit('11010519491231002X') // true
 */
export function hasValidIdCheckDigit(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CODES[sum % 11] === id[17]!.toUpperCase();
}

/**
 * Text as a reader or an index sees it, and where its characters came from: `origin(i)` is the
 * offset in the original text of character `i`.
 */
export interface NormalisedText {
  text: string;
  origin: (index: number) => number;
}

/** Comments, inline tags (which render as nothing between two digits), entities and %-escapes. */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<\/?(?:a|abbr|b|bdi|bdo|code|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|u|wbr)(?:\s[^<>]*)?\/?>|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|%([0-9A-Fa-f]{2})/iy;

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  const decoded = decodeNamedCharacterReference(name);
  return decoded === false ? undefined : decoded;
}

/** Where normalising has anything to do: a tag, entity or escape, or a non-ASCII, non-CJK character. */
const SPECIAL = /[<&%]|[^\x00-\x7f\u4e00-\u9fff]/g;

/**
 * Decodes entities and ASCII %-escapes, drops HTML comments and inline tags and applies NFKC,
 * keeping where each character came from. Plain stretches are copied whole (most of a page or
 * a bundle), so the gate can afford it over every file of the site.
 * @example normaliseForScan('１&#51;8').text // '138'
 */
export function normaliseForScan(input: string): NormalisedText {
  const parts: string[] = [];
  // Breakpoints: from normalised offset `at`, characters come from `from` onwards (`fixed`: all from `from`).
  const marks: { at: number; from: number; fixed: boolean }[] = [{ at: 0, from: 0, fixed: false }];
  let length = 0;
  let copied = 0;
  const copyUpTo = (end: number) => {
    if (end <= copied) return;
    marks.push({ at: length, from: copied, fixed: false });
    parts.push(input.slice(copied, end));
    length += end - copied;
    copied = end;
  };
  const replace = (start: number, end: number, by: string) => {
    copyUpTo(start);
    marks.push({ at: length, from: start, fixed: true });
    parts.push(by);
    length += by.length;
    copied = end;
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(input); m !== null; m = SPECIAL.exec(input)) {
    const i = m.index;
    if (i < copied) {
      SPECIAL.lastIndex = copied;
      continue;
    }
    const c = input.charCodeAt(i);
    if (c === 0x3c || c === 0x26 || c === 0x25) {
      TOKEN.lastIndex = i;
      const t = TOKEN.exec(input);
      if (t) {
        const decoded = t[1] !== undefined ? decodeEntity(t[1]) : t[2] !== undefined ? String.fromCharCode(Number.parseInt(t[2], 16)) : '';
        if (decoded !== undefined && (t[2] === undefined || /^[\x20-\x7e]$/.test(decoded))) {
          replace(i, i + t[0].length, decoded.normalize('NFKC'));
          SPECIAL.lastIndex = copied;
        }
      }
      continue;
    }
    const ch = String.fromCodePoint(input.codePointAt(i)!);
    const normal = ch.normalize('NFKC');
    if (normal !== ch) replace(i, i + ch.length, normal);
    SPECIAL.lastIndex = i + ch.length;
  }
  copyUpTo(input.length);
  const text = parts.join('');
  const origin = (index: number) => {
    let lo = 0;
    let hi = marks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (marks[mid]!.at <= index) lo = mid;
      else hi = mid - 1;
    }
    const mark = marks[lo]!;
    return mark.fixed ? mark.from : mark.from + (index - mark.at);
  };
  return { text, origin };
}

/**
 * What may stand between the digits of one number: spaces, NBSP, zero-width marks, hyphens,
 * dots, line breaks, and Markdown's emphasis marks (`**138**12345678` renders as one number).
 */
const SEPARATOR = '[\\s\\u00a0\\u200b-\\u200f\\u2028\\u2029\\u2060\\ufeff\\u00ad.\\-\\u2010-\\u2015\\u2212*_~`]';
const RUN = new RegExp(`[0-9](?:${SEPARATOR}{0,4}[0-9])*(?:${SEPARATOR}{0,4}[Xx](?![A-Za-z]))?`, 'g');
const GROUPS = new RegExp(`(${SEPARATOR}+)`);
/** Units after an amount: `13800000000元` is a budget, not a phone. */
const UNIT_AFTER = /^[\s\u200b-\u200d\u2060\ufeff]{0,2}(?:[元万亿千百十个人次项份户名岁张条台辆套间座%‰]|平方|公里|米|kg|km)/;
const MOBILE = /^(?:0086|86)?(1[3-9]\d{9})$/;
const ID_18 = /^[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/;
const ID_15 = /^[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;

interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}

/**
 * The digit groups of a run of digits and separators, split into runs where a dot is a decimal
 * point or a list of numbers rather than grouping (`1.3333333333`, `0.5 0.25`): a dot joins only
 * groups of up to 4 digits.
 */
function splitRun(run: string, start: number): DigitGroup[][] {
  const parts = run.split(GROUPS);
  const runs: DigitGroup[][] = [[]];
  let at = start;
  for (let k = 0; k < parts.length; k += 1) {
    const part = parts[k]!;
    if (k % 2 === 1) {
      if (part.includes('.') && (parts[k - 1]!.length > 4 || (parts[k + 1] ?? '').length > 4)) runs.push([]);
    } else if (part.length > 0) {
      runs.at(-1)!.push({ start: at, end: at + part.length, digits: part });
    }
    at += part.length;
  }
  return runs.filter((r) => r.length > 0);
}

/** A run glued to a long token of letters and digits is part of a hash or an id, not a number. */
function insideHash(text: string, start: number, end: number): boolean {
  // Base64 (CSP hashes) and file-name hashes: letters, digits and the characters base64 uses.
  const isAlnum = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_+/=-]/.test(ch);
  if (!/[A-Za-z]/.test(text[start - 1] ?? '') && !/[A-Za-z_]/.test(text[end] ?? '')) return false;
  let a = start;
  let b = end;
  while (isAlnum(text[a - 1])) a -= 1;
  while (isAlnum(text[b])) b += 1;
  return b - a >= 16;
}

function mask(digits: string): string {
  return `${digits.slice(0, 3)}${'*'.repeat(Math.max(0, digits.length - 7))}${digits.slice(-4)}`;
}

/**
 * Whether digit groups look like one number written in parts (`138 1234 5678`, `+86 138…`,
 * `110105 19491231 002X`, or one digit at a time) rather than a row of separate small numbers
 * (`15 20 30 12 85` in a table).
 */
function writtenAsOneNumber(groups: readonly DigitGroup[]): boolean {
  if (groups.length === 1 || groups.every((g) => g.digits.length === 1)) return true;
  if (groups.length > 5) return false;
  return groups.every(
    (g, k) => g.digits.length >= 3 || (k === 0 && g.digits === '86') || (k === groups.length - 1 && /^\d?[Xx]$/.test(g.digits)),
  );
}

/** Whether `digits`, standing at `start`–`end` of the normalised text, is an ID-card or mobile number. */
function classify(text: string, digits: string, start: number, end: number): Omit<PersonalDataHit, 'index'> | undefined {
  if (insideHash(text, start, end)) return undefined;
  if (ID_18.test(digits) && hasValidIdCheckDigit(digits)) return { kind: 'id-card', masked: mask(digits), digits: digits.toUpperCase() };
  if (UNIT_AFTER.test(text.slice(end, end + 4))) return undefined;
  if (ID_15.test(digits)) return { kind: 'id-card', masked: mask(digits), digits };
  const mobile = MOBILE.exec(digits);
  return mobile ? { kind: 'mobile', masked: mask(digits), digits: mobile[1]! } : undefined;
}

/**
 * Every ID-card number (18 digits with a valid check digit, or 15 digits with a valid birth
 * date) and every mobile number in `text`, however it is written.
 * @example findPersonalData('联系人 13812345678')[0]?.kind // 'mobile'
 * @example findPersonalData('预算 13800000000元') // []
 */
export function findPersonalData(input: string): PersonalDataHit[] {
  const { text, origin } = normaliseForScan(input);
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(RUN)) {
    // Fewer characters than the shortest number has digits: most runs on a page (CSS lengths, dates).
    if (m[0].length < 11) continue;
    for (const groups of splitRun(m[0], m.index)) {
      // Any consecutive groups may be the number: a mobile written in groups may stand next to
      // another number on the same line or the line before. A group of digits is never split.
      let i = 0;
      while (i < groups.length) {
        let found = -1;
        for (let j = groups.length - 1; j >= i && found === -1; j -= 1) {
          const digits = groups
            .slice(i, j + 1)
            .map((g) => g.digits)
            .join('');
          if (digits.length < 11 || digits.length > 18 || !writtenAsOneNumber(groups.slice(i, j + 1))) continue;
          const hit = classify(text, digits, groups[i]!.start, groups[j]!.end);
          if (hit) {
            hits.push({ ...hit, index: origin(groups[i]!.start) });
            found = j;
          }
        }
        i = found === -1 ? i + 1 : found + 1;
      }
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}
