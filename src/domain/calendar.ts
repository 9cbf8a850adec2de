/**
 * /calendar.ics: the plan's recurring obligations and its dated milestones and deadlines, for
 * members to subscribe to on a phone. Written with ical-generator; every id and timestamp comes
 * from the content and the build date, so the same build gives the same file.
 */
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, type ICalWeekday } from 'ical-generator';
import type { CalendarDate } from './dates.ts';
import { occurrenceInPeriod, repetition, type RecurrenceRule } from './recurrence.ts';

export interface DatedItem {
  id: string;
  title: string;
  date: CalendarDate;
  description: string;
}

/** A recurring obligation as the feed needs it (settings `obligations`). */
export interface RecurringItem {
  id: string;
  title: string;
  rule: RecurrenceRule;
  description: string;
}

const dateOf = (date: CalendarDate) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/**
 * Builds the calendar text. `today` anchors the recurring events: each starts at its occurrence in
 * the period that contains `today`.
 */
export function calendarIcs(input: {
  name: string;
  url: string;
  today: CalendarDate;
  recurring: readonly RecurringItem[];
  items: readonly DatedItem[];
}): string {
  const stamp = dateOf(input.today);
  // Event ids are unique world-wide by the site's own address (RFC 5545), whatever plan it carries.
  const domain = new URL(input.url).hostname;
  const [year, month] = input.today.split('-').map(Number) as [number, number];
  const calendar = ical({
    name: input.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: domain, product: 'progress-site', language: 'ZH' },
  });
  calendar.timezone('Asia/Shanghai');
  for (const r of input.recurring) {
    const rep = repetition(r.rule);
    calendar.createEvent({
      id: `${r.id}@${domain}`,
      start: dateOf(occurrenceInPeriod(r.rule, year, month)),
      allDay: true,
      summary: r.title,
      description: r.description,
      repeating: {
        freq: rep.freq === 'YEARLY' ? ICalEventRepeatingFreq.YEARLY : ICalEventRepeatingFreq.MONTHLY,
        ...(rep.interval ? { interval: rep.interval } : {}),
        ...(rep.byMonth ? { byMonth: rep.byMonth } : {}),
        ...(rep.byMonthDay ? { byMonthDay: rep.byMonthDay } : {}),
        ...(rep.byDay ? { byDay: rep.byDay as ICalWeekday[] } : {}),
        ...(rep.bySetPos !== undefined ? { bySetPos: rep.bySetPos } : {}),
      },
      stamp,
      url: input.url,
    });
  }
  for (const item of input.items) {
    calendar.createEvent({
      id: `${item.id}@${domain}`,
      start: dateOf(item.date),
      allDay: true,
      summary: item.title,
      description: item.description,
      stamp,
      url: input.url,
    });
  }
  return calendar.toString();
}
