/** /calendar.ics of the built site parses back with a calendar library (ical.js). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, requireDist } from '../helpers/dist.ts';

beforeAll(requireDist);

function events() {
  const component = new ICAL.Component(ICAL.parse(readFileSync(join(DIST, 'calendar.ics'), 'utf8')));
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the calendar feed', () => {
  // Which obligations and on which days: tests/built/obligations.test.ts, on a fixture whose rules
  // differ from the shipped plan's.
  it('parses back, every event with a stable id', () => {
    const all = events();
    expect(all.length).toBeGreaterThan(0);
    for (const e of all) expect(e.uid).toMatch(/^[a-z0-9-]+@[a-z0-9.-]+$/);
    // One domain for the whole feed, so a calendar app recognises an event again on the next fetch.
    expect(new Set(all.map((e) => e.uid.split('@')[1])).size).toBe(1);
  });

  it('lists the dated deadlines of open measures, with stable ids', () => {
    const deadlines = events().filter((e) => e.summary.startsWith('整改时限：'));
    expect(deadlines.length).toBeGreaterThan(0);
    for (const e of deadlines) expect(e.uid).toMatch(/^deadline-\d+(-\d+)+@[a-z0-9.-]+$/);
  });
});
