/**
 * Finds personal data (个人信息) that must never be published: mainland resident ID-card numbers
 * (居民身份证号码, GB 11643) and mobile numbers. The site publishes aggregates only, so any such
 * number in content or data is refused by the checker, wherever it stands.
 */

export type PersonalDataKind = 'id-card' | 'mobile';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** Offset of the match in the text. */
  index: number;
  /** The match with its middle hidden, safe to print in a CI log. */
  masked: string;
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

// Region code, birth date 1900–2099, sequence, check character; not part of a longer run of digits.
const ID_RE = /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
// 1[3-9]x xxxx xxxx, optionally +86 and spaces or hyphens between the groups, as people write them.
const MOBILE_RE = /(?<![\d+])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;

function mask(text: string): string {
  const digits = text.replace(/[^\dXx]/g, '');
  return `${digits.slice(0, 3)}${'*'.repeat(Math.max(0, digits.length - 7))}${digits.slice(-4)}`;
}

/**
 * Every ID-card number with a valid check digit and every mobile number in `text`.
 * @example findPersonalData('联系人 13812345678')[0]?.kind // 'mobile'
 */
export function findPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(ID_RE)) {
    if (hasValidIdCheckDigit(m[0])) hits.push({ kind: 'id-card', index: m.index, masked: mask(m[0]) });
  }
  for (const m of text.matchAll(MOBILE_RE)) hits.push({ kind: 'mobile', index: m.index, masked: mask(m[0]) });
  return hits.sort((a, b) => a.index - b.index);
}
