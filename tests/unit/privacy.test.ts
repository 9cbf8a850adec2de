import { describe, expect, it } from 'vitest';
import { findPersonalData, hasValidIdCheckDigit } from '../../src/checker/privacy.ts';

// The worked example printed in GB 11643-1999.
const STANDARD_EXAMPLE = '11010519491231002X';

describe('hasValidIdCheckDigit', () => {
  it('accepts the standard example, in either case of X', () => {
    expect(hasValidIdCheckDigit(STANDARD_EXAMPLE)).toBe(true);
    expect(hasValidIdCheckDigit(STANDARD_EXAMPLE.toLowerCase())).toBe(true);
  });
  it('accepts exactly one of the eleven possible check characters for any 17 digits', () => {
    for (const base of ['11010519491231002', '44030119900307123', '51010820001231567']) {
      const valid = [...'0123456789X'].filter((c) => hasValidIdCheckDigit(base + c));
      expect(valid, base).toHaveLength(1);
    }
  });
  it('refuses a changed digit and wrong lengths', () => {
    expect(hasValidIdCheckDigit('11010519491231003X')).toBe(false);
    expect(hasValidIdCheckDigit('1101051949123100')).toBe(false);
  });
});

describe('findPersonalData', () => {
  it('finds an ID-card number inside Chinese text and masks it', () => {
    const hits = findPersonalData(`经办人身份证${STANDARD_EXAMPLE}，已核实。`);
    expect(hits).toEqual([{ kind: 'id-card', index: 6, masked: '110***********002X', digits: STANDARD_EXAMPLE }]);
  });
  it('ignores 18-digit numbers whose check digit is wrong (order numbers, amounts)', () => {
    expect(findPersonalData('流水号 110105194912310021')).toEqual([]);
  });
  it('ignores an ID-shaped run inside a longer number', () => {
    expect(findPersonalData(`9${STANDARD_EXAMPLE}`)).toEqual([]);
  });
  it('finds mobile numbers as people write them', () => {
    for (const text of ['电话13812345678', '电话 138 1234 5678', '电话138-1234-5678', '+86 13812345678', '8613812345678'])
      expect(
        findPersonalData(text).map((h) => h.kind),
        text,
      ).toEqual(['mobile']);
  });
  it('does not take landlines, dates, ids or short numbers for mobiles', () => {
    for (const text of ['0000-0000000', '010-12345678', '2026-09-04', '措施 2-3', '12345678901', '1381234567', '138123456789'])
      expect(findPersonalData(text), text).toEqual([]);
  });
  it('reports every hit in order', () => {
    const hits = findPersonalData(`A 13912345678 B ${STANDARD_EXAMPLE} C 15000000000`);
    expect(hits.map((h) => h.kind)).toEqual(['mobile', 'id-card', 'mobile']);
  });
});

describe('findPersonalData after normalising', () => {
  const MOBILE = '13812345678';
  it('finds a mobile however it is hidden', () => {
    for (const text of [
      '１３８１２３４５６７８',
      '138\u00a01234\u00a05678',
      '138\u200b1234\u200b5678',
      '138.1234.5678',
      '1381234\r\n5678',
      '0086 138 1234 5678',
      '&#49;3812345678',
      '&#x31;3812345678',
      '%31%33812345678',
      '138<!-- 备注 -->12345678',
      '**138**12345678',
      '138<span class="x">1234</span>5678',
      `2026 ${MOBILE}`,
    ])
      expect(
        findPersonalData(text).map((h) => h.digits),
        text,
      ).toEqual([MOBILE]);
  });
  it('points at the hit in the original text', () => {
    const text = `前文&nbsp;${'&#49;'}3812345678`;
    expect(findPersonalData(text)[0]!.index).toBe(text.indexOf('&#49;'));
  });
  it('finds 15-digit ID numbers and spaced 18-digit ones', () => {
    expect(findPersonalData('110105491231002').map((h) => h.kind)).toEqual(['id-card']);
    expect(findPersonalData('110105 19491231 002X').map((h) => h.kind)).toEqual(['id-card']);
  });
  it('keeps honest numbers: amounts with units, landlines, decimals, dates, rows of small numbers, hashes', () => {
    for (const text of [
      '13800000000元',
      '13800000000 元',
      '0571-88888888',
      '(0571) 8888 8888',
      '1.3333333333',
      '0.6666666666666666',
      '2026-09-01 至 2026-09-30',
      '15 20 30 12 85 90',
      'sha256-Ab13812345678CdEfGhIjKlMn=',
      '/_astro/page.A13812345678Bxyzabcdef.js',
    ])
      expect(findPersonalData(text), text).toEqual([]);
  });
});
