/**
 * The rule evaluator behind recurring obligations: dates checked against a printed calendar,
 * wording, and the iCalendar repetition agreeing with the evaluator (expanded by ical.js).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarIcs } from '../../src/domain/calendar.ts';
import { hasFixedDay, nextOccurrence, occurrenceInPeriod, ruleText, type RecurrenceRule } from '../../src/domain/recurrence.ts';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('occurrenceInPeriod', () => {
  it('finds the nth weekday of a month whatever weekday the month starts on', () => {
    for (let month = 1; month <= 12; month += 1) {
      const first = occurrenceInPeriod({ every: 'month', weekday: 5, nth: 1 }, 2026, month);
      expect(weekday(first)).toBe(5);
      expect(Number(first.slice(8))).toBeLessThanOrEqual(7);
      const second = occurrenceInPeriod({ every: 'month', weekday: 2, nth: 2 }, 2026, month);
      expect(weekday(second)).toBe(2);
      expect(Number(second.slice(8))).toBeGreaterThanOrEqual(8);
      expect(Number(second.slice(8))).toBeLessThanOrEqual(14);
    }
    // From a printed calendar: December 2026 starts on a Tuesday, January 2027 on a Friday.
    expect(occurrenceInPeriod({ every: 'month', weekday: 5 }, 2026, 12)).toBe('2026-12-04');
    expect(occurrenceInPeriod({ every: 'month', weekday: 5 }, 2027, 1)).toBe('2027-01-01');
    expect(occurrenceInPeriod({ every: 'month', weekday: 7 }, 2026, 12)).toBe('2026-12-06');
    expect(occurrenceInPeriod({ every: 'month', weekday: 4, nth: 2 }, 2026, 12)).toBe('2026-12-10');
  });

  it('finds the last weekday of a month, in short and leap months', () => {
    expect(occurrenceInPeriod({ every: 'month', weekday: 5, nth: -1 }, 2026, 12)).toBe('2026-12-25');
    expect(occurrenceInPeriod({ every: 'month', weekday: 4, nth: -1 }, 2024, 2)).toBe('2024-02-29');
    expect(occurrenceInPeriod({ every: 'month', weekday: 6, nth: -1 }, 2026, 2)).toBe('2026-02-28');
  });

  it('places quarter and year rules in the right month of their period', () => {
    const quarter: RecurrenceRule = { every: 'quarter', month: 2, day: 10 };
    expect(occurrenceInPeriod(quarter, 2026, 10)).toBe('2026-11-10');
    expect(occurrenceInPeriod(quarter, 2026, 12)).toBe('2026-11-10');
    expect(occurrenceInPeriod(quarter, 2026, 1)).toBe('2026-02-10');
    expect(occurrenceInPeriod({ every: 'quarter' }, 2026, 8)).toBe('2026-07-01');
    expect(occurrenceInPeriod({ every: 'year', month: 12 }, 2026, 3)).toBe('2026-12-01');
    expect(occurrenceInPeriod({ every: 'year', month: 6, weekday: 1, nth: -1 }, 2026, 1)).toBe('2026-06-29');
    expect(occurrenceInPeriod({ every: 'month', day: 15 }, 2026, 2)).toBe('2026-02-15');
  });
});

describe('nextOccurrence', () => {
  it('is today when today is the day, else the next period, rolling into January', () => {
    const rule: RecurrenceRule = { every: 'month', weekday: 5, nth: 1 };
    expect(nextOccurrence(rule, '2026-12-04')).toBe('2026-12-04');
    expect(nextOccurrence(rule, '2026-12-05')).toBe('2027-01-01');
    expect(nextOccurrence(rule, '2026-11-26')).toBe('2026-12-04');
    expect(nextOccurrence({ every: 'year', month: 6 }, '2026-06-02')).toBe('2027-06-01');
    expect(nextOccurrence({ every: 'quarter', month: 3, day: 20 }, '2026-12-21')).toBe('2027-03-20');
    expect(nextOccurrence({ every: 'quarter', month: 3, day: 20 }, '2026-10-01')).toBe('2026-12-20');
  });
});

describe('ruleText and hasFixedDay', () => {
  it('says the rule in the words a plan uses', () => {
    expect(ruleText({ every: 'month', weekday: 5, nth: 1 })).toBe('每月第一个星期五');
    expect(ruleText({ every: 'month', weekday: 7, nth: -1 })).toBe('每月最后一个星期日');
    expect(ruleText({ every: 'month' })).toBe('每月');
    expect(ruleText({ every: 'quarter', month: 2, day: 10 })).toBe('每季度第2个月10日');
    expect(ruleText({ every: 'year', month: 12 })).toBe('每年12月');
  });
  it('tells a fixed day from a period reminder', () => {
    expect(hasFixedDay({ every: 'month', day: 3 })).toBe(true);
    expect(hasFixedDay({ every: 'month', weekday: 1 })).toBe(true);
    expect(hasFixedDay({ every: 'year', month: 12 })).toBe(false);
  });
});

describe('the calendar feed from rules', () => {
  const rules: Record<string, RecurrenceRule> = {
    a: { every: 'month', weekday: 4, nth: 2 },
    b: { every: 'month', weekday: 1, nth: -1 },
    c: { every: 'quarter', month: 2, day: 10 },
    d: { every: 'year', month: 6 },
    e: { every: 'quarter' },
  };
  const ics = calendarIcs({
    name: '测试',
    url: 'https://dj.example.gov.cn/',
    today: '2026-11-26',
    recurring: Object.entries(rules).map(([id, rule]) => ({ id, title: id, rule, description: id })),
    items: [],
  });
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('names its events and itself by the site’s own address, not by any plan', () => {
    for (const event of events) expect(event.uid).toMatch(/@dj\.example\.gov\.cn$/);
    expect(ics).toMatch(/^PRODID:-\/\/dj\.example\.gov\.cn\/\/progress-site\/\/ZH$/m);
  });

  it('repeats each rule on the dates the evaluator gives, for two years', () => {
    expect(events.map((e) => e.summary).sort()).toEqual(Object.keys(rules));
    for (const event of events) {
      const rule = rules[event.summary]!;
      const iterator = event.iterator();
      const fromIcs: string[] = [];
      for (let next = iterator.next(); next && fromIcs.length < 8; next = iterator.next()) fromIcs.push(next.toString().slice(0, 10));
      const expected: string[] = [];
      let day = fromIcs[0]!;
      expect(day).toBe(occurrenceInPeriod(rule, 2026, 11));
      while (expected.length < 8) {
        const next = nextOccurrence(rule, day);
        expected.push(next);
        day = new Date(Date.parse(`${next}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      }
      expect(fromIcs, event.summary).toEqual(expected);
    }
  });
});
