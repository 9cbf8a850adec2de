/**
 * The view models of the site's dated entries (progress records, posts, notices) and of the
 * recurring obligations, each built from its collection alone plus the names it shows; the rest
 * of the model (the item tree, areas, units) is put together in site.ts.
 */
import type { CollectionEntry } from 'astro:content';
import type { CalendarDate } from '../domain/dates.ts';
import { firstSentence } from '../domain/format.ts';
import { hasFixedDay, nextOccurrence, ruleText } from '../domain/recurrence.ts';
import { statusCategory, type StatusLabel } from '../domain/status.ts';
import type { NoticeView, ObligationView, PostView, RecordView, UnitRef } from './views.ts';

/** Newest first; ties by id so two builds agree. */
const newestFirst = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1;

/** Progress records, newest first, with the titles and names of the measures and units they name. */
export function recordViews(
  updates: readonly CollectionEntry<'updates'>[],
  names: { measureTitles: ReadonlyMap<string, string>; unitRefs: ReadonlyMap<string, UnitRef>; statusLabels: readonly StatusLabel[] },
): RecordView[] {
  const { measureTitles, unitRefs, statusLabels } = names;
  return updates
    .map((u) => {
      const record: RecordView = {
        id: u.id,
        title: u.data.title,
        date: u.data.date,
        evidence: u.data.evidence ?? [],
        // The checker guarantees every referenced id exists before the build.
        measures: (u.data.measures ?? []).map((id) => ({ id, title: measureTitles.get(id)! })),
        units: (u.data.units ?? []).map((id) => unitRefs.get(id)!),
        entry: u,
      };
      const category = u.data.status ? statusCategory(u.data.status, statusLabels) : undefined;
      if (category) record.status = category;
      if (category && u.data.status !== category) record.statusLabel = u.data.status!;
      return record;
    })
    .sort(newestFirst);
}

/** Posts, newest first, each with its column. */
export function postViews(postEntries: readonly CollectionEntry<'posts'>[], columnEntries: readonly CollectionEntry<'columns'>[]): PostView[] {
  const columnTitles = new Map(columnEntries.map((c) => [c.id, c.data.title]));
  return postEntries
    .map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      date: entry.data.date,
      summary: entry.data.summary,
      column: { id: entry.data.column, title: columnTitles.get(entry.data.column)! },
      screen: entry.data.screen ?? false,
      entry,
    }))
    .sort(newestFirst);
}

/** Every notice, in the order of its display window's start. */
export function noticeViews(noticeEntries: readonly CollectionEntry<'notices'>[], measureTitles: ReadonlyMap<string, string>): NoticeView[] {
  return noticeEntries
    .map((n) => {
      const text = (n.body ?? '').replace(/[#*_`>]/g, '').trim();
      const notice: NoticeView = {
        id: n.id,
        title: n.data.title,
        start: n.data.start,
        end: n.data.end,
        published: n.data.start.slice(0, 10),
        lead: firstSentence(text),
        measures: (n.data.measures ?? []).map((id) => ({ id, title: measureTitles.get(id)! })),
        urgent: n.data.urgent ?? false,
        screens: n.data.screens ?? [],
        text,
        entry: n,
      };
      if (n.data.date) notice.date = n.data.date;
      return notice;
    })
    .sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** The recurring obligations (党员活动日 …) the settings declare, with their next date when it is fixed. */
export function obligationViews(
  obligations: NonNullable<CollectionEntry<'settings'>['data']['obligations']>,
  measureTitles: ReadonlyMap<string, string>,
  today: CalendarDate,
): ObligationView[] {
  return obligations.map((o) => ({
    id: o.id,
    title: o.title,
    rule: o.rule,
    when: o.wording ?? ruleText(o.rule),
    ...(o.audience ? { audience: o.audience } : {}),
    description: o.description,
    measures: (o.measures ?? []).map((id) => ({ id, title: measureTitles.get(id) ?? id })),
    ...(hasFixedDay(o.rule) ? { next: nextOccurrence(o.rule, today) } : {}),
  }));
}
