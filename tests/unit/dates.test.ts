import { describe, expect, it } from 'vitest';
import { buildDate, dateInShanghai, daysBetween, formatDate } from '../../src/domain/dates.ts';
import { isCalendarDate, parseLocalDateTime, toCalendarDate, toLocalDateTime } from '../../src/schemas/vocabulary.ts';

describe('isCalendarDate', () => {
  it('accepts real dates, leap days included', () => {
    expect(isCalendarDate('2026-09-04')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });
  it('refuses dates that do not exist and other formats', () => {
    for (const bad of ['2021-02-30', '2023-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-9-4', '2026/09/04', ''])
      expect(isCalendarDate(bad), bad).toBe(false);
  });
});

describe('toCalendarDate', () => {
  it('keeps text dates and converts the UTC-midnight Date that js-yaml makes', () => {
    expect(toCalendarDate(' 2026-09-04 ')).toBe('2026-09-04');
    expect(toCalendarDate(new Date(Date.UTC(2026, 8, 4)))).toBe('2026-09-04');
    expect(toCalendarDate('2021-02-30')).toBeUndefined();
    expect(toCalendarDate(new Date('nonsense'))).toBeUndefined();
  });
});

describe('local date-times in Asia/Shanghai', () => {
  it('parses YYYY-MM-DD HH:mm as +08:00', () => {
    expect(parseLocalDateTime('2026-09-04 08:30')).toBe(Date.UTC(2026, 8, 4, 0, 30));
    expect(parseLocalDateTime('2026-01-01 00:00')).toBe(Date.UTC(2025, 11, 31, 16, 0));
  });
  it('refuses impossible times and dates', () => {
    expect(parseLocalDateTime('2026-09-04 24:00')).toBeUndefined();
    expect(parseLocalDateTime('2026-02-30 08:00')).toBeUndefined();
    expect(parseLocalDateTime('2026-09-04')).toBeUndefined();
  });
  it('normalises what js-yaml hands over', () => {
    expect(toLocalDateTime(new Date(Date.UTC(2026, 11, 4, 8, 0)))).toBe('2026-12-04 08:00');
    expect(toLocalDateTime('2026-12-04T08:00')).toBe('2026-12-04 08:00');
  });
});

describe('dateInShanghai and buildDate', () => {
  it('uses the Shanghai calendar day, not UTC', () => {
    // 17:00 UTC on 25 November is 01:00 on 26 November in Shanghai.
    expect(dateInShanghai(new Date(Date.UTC(2026, 10, 25, 17, 0)))).toBe('2026-11-26');
    expect(dateInShanghai(new Date(Date.UTC(2026, 10, 25, 15, 59)))).toBe('2026-11-25');
  });
  it('takes SOURCE_DATE_EPOCH when set, so rebuilds of one commit agree', () => {
    const epoch = String(Date.UTC(2026, 0, 31, 20, 0) / 1000);
    expect(buildDate({ SOURCE_DATE_EPOCH: epoch }, () => new Date(0))).toBe('2026-02-01');
    expect(buildDate({}, () => new Date(Date.UTC(2026, 5, 1, 3)))).toBe('2026-06-01');
    expect(buildDate({ SOURCE_DATE_EPOCH: 'soon' }, () => new Date(Date.UTC(2026, 5, 1, 3)))).toBe('2026-06-01');
  });
});

describe('daysBetween', () => {
  it('counts whole days across month and year ends', () => {
    expect(daysBetween('2026-11-26', '2026-12-31')).toBe(35);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('formatDate', () => {
  it('writes dates the Chinese way without leading zeros', () => {
    expect(formatDate('2026-09-04')).toBe('2026年9月4日');
  });
});
