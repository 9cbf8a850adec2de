/** /calendar.ics of the built site parses back with a calendar library (ical.js). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { DIST, requireDist } from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

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

  it('gives each deadline its measure’s date, with a stable id', () => {
    // Which deadlines are listed depends on the build date (upcoming ones only), so this checks
    // each one listed rather than how many; that upcoming ones are listed: tests/built/obligations.test.ts.
    const { content } = checkProject(PROJECT_ROOT);
    for (const e of events().filter((x) => x.summary.startsWith('整改时限：'))) {
      const [, id] = /^deadline-(\d+(?:-\d+)+)@[a-z0-9.-]+$/.exec(e.uid) ?? [];
      const measure = content.measures.find((m) => m.id === id);
      expect(measure, e.uid).toBeDefined();
      if (/^\d{4}-\d{2}-\d{2}$/.test(String(measure!.data.deadline)))
        expect(e.startDate.toString().slice(0, 10), e.uid).toBe(measure!.data.deadline);
    }
  });
});
