/**
 * The one module that reads Astro's collections. Pages get typed, precomputed view models from
 * here and never call `getCollection` themselves; everything is computed once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildDate, type CalendarDate } from '../lib/dates.ts';
import { compareMeasureIds, parseMeasureId, statusChangesByMeasure } from '../lib/measures.ts';
import { deriveMeasureState, summarise, type MeasureState, type ProgressSummary } from '../lib/status.ts';

export interface UnitView {
  id: string;
  name: string;
  kind: CollectionEntry<'units'>['data']['kind'];
}

export interface MeasureView {
  id: string;
  area: number;
  number: number;
  title: string;
  owners: UnitView[];
  deadline: CollectionEntry<'measures'>['data']['deadline'];
  state: MeasureState;
  entry: CollectionEntry<'measures'>;
  previous?: { id: string; title: string };
  next?: { id: string; title: string };
}

export interface AreaView {
  id: string;
  number: number;
  title: string;
  measures: MeasureView[];
  summary: ProgressSummary;
}

export interface PostView {
  id: string;
  title: string;
  date: CalendarDate;
  summary: string;
  entry: CollectionEntry<'posts'>;
}

export interface SiteModel {
  settings: CollectionEntry<'settings'>['data'];
  plan: CollectionEntry<'plan'>;
  /** 数据截至: the build date, the only wall-clock date on the site. */
  today: CalendarDate;
  areas: AreaView[];
  measures: MeasureView[];
  summary: ProgressSummary;
  units: UnitView[];
  /** Newest first. */
  posts: PostView[];
}

let cached: Promise<SiteModel> | undefined;

async function build(): Promise<SiteModel> {
  const [settingsEntries, planEntries, areaEntries, measureEntries, unitEntries, updates, postEntries] = await Promise.all([
    getCollection('settings'),
    getCollection('plan'),
    getCollection('areas'),
    getCollection('measures'),
    getCollection('units'),
    getCollection('updates'),
    getCollection('posts'),
  ]);
  // The checker guarantees exactly one of each before the build starts.
  const settings = settingsEntries[0]!.data;
  const plan = planEntries[0]!;
  const today = buildDate(process.env);

  const units = unitEntries
    .map((u) => ({ id: u.id, name: u.data.name, kind: u.data.kind, order: u.data.order }))
    .sort((a, b) => a.order - b.order)
    .map(({ id, name, kind }) => ({ id, name, kind }));
  const unitById = new Map(units.map((u) => [u.id, u]));

  const changes = statusChangesByMeasure(updates.map((u) => ({ id: u.id, ...u.data })));
  const measures: MeasureView[] = measureEntries
    .sort((a, b) => compareMeasureIds(a.id, b.id))
    .map((entry) => {
      const { area, number } = parseMeasureId(entry.id)!;
      return {
        id: entry.id,
        area,
        number,
        title: entry.data.title,
        owners: entry.data.owners.map((id) => unitById.get(id)!),
        deadline: entry.data.deadline,
        state: deriveMeasureState(entry.data.deadline, changes.get(entry.id) ?? [], today),
        entry,
      };
    });
  measures.forEach((m, i) => {
    const prev = measures[i - 1];
    const next = measures[i + 1];
    if (prev) m.previous = { id: prev.id, title: prev.title };
    if (next) m.next = { id: next.id, title: next.title };
  });

  const measuresByArea = Map.groupBy(measures, (m) => String(m.area));
  const areas = areaEntries
    .map((a) => {
      const own = measuresByArea.get(a.id) ?? [];
      return { id: a.id, number: Number(a.id), title: a.data.title, measures: own, summary: summarise(own.map((m) => m.state)) };
    })
    .sort((a, b) => a.number - b.number);

  const posts = postEntries
    .map((entry) => ({ id: entry.id, title: entry.data.title, date: entry.data.date, summary: entry.data.summary, entry }))
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1));

  return { settings, plan, today, areas, measures, summary: summarise(measures.map((m) => m.state)), units, posts };
}

/** The site's view model, computed once per build. */
export function loadSite(): Promise<SiteModel> {
  cached ??= build();
  return cached;
}
