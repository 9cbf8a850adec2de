/**
 * /calendar.ics parses back with a calendar library (ical.js), and its 党员活动日 rule gives the
 * first Friday of each month for a year, as the plan says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstFriday } from '../../src/lib/dates.ts';
import { DIST, requireDist } from '../helpers/dist.ts';

beforeAll(requireDist);

function events() {
  const component = new ICAL.Component(ICAL.parse(readFileSync(join(DIST, 'calendar.ics'), 'utf8')));
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the calendar feed', () => {
  it('holds the recurring obligations of the plan', () => {
    const summaries = events().map((e) => e.summary);
    for (const s of [
      '党员活动日',
      '镇党委专题研究部署党建工作（本月）',
      '班子成员给基层党员上党课（本季度）',
      '党支部书记向党委述职（年底）',
    ])
      expect(summaries).toContain(s);
  });

  it('puts 党员活动日 on the first Friday of every month for a year', () => {
    const activity = events().find((e) => e.summary === '党员活动日')!;
    expect(activity.isRecurring()).toBe(true);
    const it = activity.iterator();
    const dates: string[] = [];
    for (let next = it.next(); next && dates.length < 12; next = it.next()) dates.push(next.toString().slice(0, 10));
    const [y, m] = dates[0]!.split('-').map(Number) as [number, number];
    const expected = Array.from({ length: 12 }, (_, i) => firstFriday(y + Math.floor((m - 1 + i) / 12), ((m - 1 + i) % 12) + 1));
    expect(dates).toEqual(expected);
    for (const d of dates) expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(5);
  });

  it('lists the dated deadlines of open measures, with stable ids', () => {
    const deadlines = events().filter((e) => e.summary.startsWith('整改时限：'));
    expect(deadlines.length).toBeGreaterThan(0);
    for (const e of deadlines) expect(e.uid).toMatch(/^deadline-\d+-\d+@yishu-liangqiang$/);
  });
});
