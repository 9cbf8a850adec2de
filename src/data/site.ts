/**
 * The one module that reads Astro's collections. Pages get typed, precomputed view models from
 * here and never call `getCollection` themselves; everything is computed once per build, and
 * nothing here is quadratic in the number of entries.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { buildDate, type CalendarDate } from '../domain/dates.ts';
import { parseLocalDateTime } from '../schemas/vocabulary.ts';
import { hasFixedDay, nextOccurrence, ruleText, type RecurrenceRule } from '../domain/recurrence.ts';
import { areaChart, burnDownChart, metricChart, statusChart, unitChart, type ChartSpec } from '../domain/charts.ts';
import { ledgerRows, type LedgerRow } from '../domain/ledger.ts';
import {
  areaLabel,
  areaName,
  buildItemTree,
  compareMeasureIds,
  countedNoun,
  leavesOf,
  levelName,
  measureName,
  statusChangesByMeasure,
} from '../domain/measures.ts';
import { makeResolver } from '../domain/resolve.ts';
import { firstSentence } from '../domain/format.ts';
import { gitDates } from './git-dates.ts';
import { DEFAULT_UNIT_KINDS } from '../schemas/index.ts';
import {
  CLOSED_STATUSES,
  statusCategory,
  type Deadline,
  summarise,
  type MeasureState,
  type MeasureStatus,
  type ProgressSummary,
} from '../domain/status.ts';
import { reportedView, type ReportedView } from '../domain/reported.ts';

type Data<C extends CollectionKey> = CollectionEntry<C>['data'];

export interface Link {
  id: string;
  title: string;
}

/**
 * An item of the plan (整改条目): a problem, a measure or an item below. Owners and the deadline
 * are effective ones: the item's own, or inherited from the item above.
 */
export interface MeasureView {
  id: string;
  area: number;
  /** Its own number at its level. */
  number: number;
  title: string;
  /** The document's numbering down to this item (17, 17一是), or the id. */
  label: string;
  /** How the site names it: its level and numbering, 整改措施 2-3, 问题 17. */
  name: string;
  /** 1 for an item directly under its 方面. */
  depth: number;
  /** The item above, for items below the first level. */
  parent?: Link;
  /** Items directly below, in the plan's order. */
  children: MeasureView[];
  /** Nothing below it: the items that counts, charts and the ledger count. */
  leaf: boolean;
  /** Other 方面 it also belongs to (`areas`). */
  alsoIn: number[];
  owners: UnitRef[];
  /** 责任领导 as the plan publishes it. */
  leader?: string;
  deadline: Deadline;
  /** The plan's own words for the deadline (2023年6月底前), when it gives them. */
  deadlineWording?: string;
  /** For a parent: the roll-up of its leaves; for a leaf: its own records. */
  state: MeasureState;
  entry: CollectionEntry<'measures'>;
  previous?: Link;
  next?: Link;
  /** Progress records about this measure, newest first. */
  records: RecordView[];
  /** The later of its text's last commit and its latest record. */
  updated?: CalendarDate;
  /** Posts about this measure, newest first. */
  posts: PostView[];
  /** Current notices naming this measure. */
  notices: NoticeView[];
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface UnitView extends UnitRef {
  kind: Data<'units'>['kind'];
  /** Whether its kind has a printable bulletin board (settings `unitKinds`). */
  board: boolean;
  entry: CollectionEntry<'units'>;
  /** Measures the unit is responsible for (its checklist), in the plan's order. */
  measures: MeasureView[];
  summary: ProgressSummary;
  /** Records naming the unit, newest first. */
  records: RecordView[];
  updated?: CalendarDate;
}

export interface AreaView {
  id: string;
  number: number;
  /** The document's numbering: （一）, 二. */
  label: string;
  /** How a sentence names it: 问题（一）, 第二方面. */
  name: string;
  /** What its first-level items are called (plan `levels`): 整改措施, 问题. */
  itemNoun: string;
  title: string;
  manifestations: NonNullable<Data<'areas'>['manifestations']>;
  /** Its first-level items, then items of other 方面 linked to it; children hang below each. */
  measures: MeasureView[];
  /** Every leaf below it, counted once: what its summary counts. */
  leaves: MeasureView[];
  entry: CollectionEntry<'areas'>;
  summary: ProgressSummary;
  updated?: CalendarDate;
}

export interface RecordView {
  id: string;
  title: string;
  date: CalendarDate;
  /** The category the record sets (未启动/推进中/已完成/长期坚持). */
  status?: MeasureStatus;
  /** The record's own word for it when that is a label of the site's vocabulary (基本完成). */
  statusLabel?: string;
  evidence: readonly string[];
  measures: Link[];
  units: UnitRef[];
  entry: CollectionEntry<'updates'>;
}

export interface PostView {
  id: string;
  title: string;
  date: CalendarDate;
  summary: string;
  column: Link;
  screen: boolean;
  entry: CollectionEntry<'posts'>;
}

export interface ColumnView {
  id: string;
  title: string;
  description: string;
  /** Newest first. */
  posts: PostView[];
}

export interface NoticeView {
  id: string;
  title: string;
  /** When it is shown (display window), Asia/Shanghai `YYYY-MM-DD HH:mm`: not the event's date. */
  start: string;
  end: string;
  /** The day it was published: the first day of its display window. */
  published: CalendarDate;
  /** The date of the event it announces, when it has one. */
  date?: CalendarDate;
  /** The first sentence of its body, for the home and measure pages. */
  lead: string;
  /** Measures it concerns; their pages show it while it is current. */
  measures: Link[];
  urgent: boolean;
  /** Preset ids the notice is for; empty for every screen. */
  screens: readonly string[];
  /** The body as plain text, for the display screens. */
  text: string;
  entry: CollectionEntry<'notices'>;
}

export interface ScreenView {
  id: string;
  data: Data<'screens'>;
}

export interface ChartSet {
  status: ChartSpec;
  areas: ChartSpec;
  units: ChartSpec;
  burnDown: ChartSpec;
  /** One chart per metric of data/metrics.csv, all units. */
  metrics: ChartSpec[];
  /** Status of each area's measures. */
  byArea: ReadonlyMap<string, ChartSpec>;
  /** Metric charts of the measures that set a target. */
  byMeasure: ReadonlyMap<string, ChartSpec[]>;
  /** Metric charts of one unit's own figures. */
  byUnit: ReadonlyMap<string, ChartSpec[]>;
  /** Every chart above, for the CSV downloads. */
  all: ChartSpec[];
}

/** A recurring obligation of the plan (settings `obligations`), with its next date when it has a fixed day. */
export interface ObligationView {
  id: string;
  title: string;
  rule: RecurrenceRule;
  /** The plan's own wording of when, or the rule in words. */
  when: string;
  audience?: string;
  description: string;
  /** The measures it comes from. */
  measures: Link[];
  /** The next occurrence on or after the build date; none when the rule fixes only a period. */
  next?: CalendarDate;
}

/** The item shown as the campaign on the screens and boards (settings `campaign`). */
export interface CampaignView {
  title: string;
  area: AreaView;
}

export interface SiteModel {
  settings: Data<'settings'>;
  plan: CollectionEntry<'plan'>;
  duties: CollectionEntry<'duties'>[];
  requirements: CollectionEntry<'requirements'>[];
  /** 数据截至: the build date, the only wall-clock date on the site. */
  today: CalendarDate;
  /** When the plan's text last changed (git history). */
  planUpdated?: CalendarDate;
  /** Recurring obligations, in the settings' order. */
  obligations: ObligationView[];
  /** The campaign the screens and boards show, when the settings name one. */
  campaign?: CampaignView;
  areas: AreaView[];
  /** Every item, in the plan's order (parents before their children). */
  measures: MeasureView[];
  /** The items counted: those with nothing below. */
  leaves: MeasureView[];
  measureById: ReadonlyMap<string, MeasureView>;
  /** What the plan calls each level, from 方面 down (plan `levels`). */
  levels: readonly string[];
  /** What the counted items are called: the name of the deepest level that has items (整改措施). */
  leafNoun: string;
  summary: ProgressSummary;
  /** The plan's own reported figures (plan.md `reported`) beside `summary`, when it reports any. */
  reported?: ReportedView;
  units: UnitView[];
  /** Newest first. */
  records: RecordView[];
  /** Newest first. */
  posts: PostView[];
  columns: ColumnView[];
  /** Notices not yet ended on the build date, soonest first. */
  notices: NoticeView[];
  /** Every notice, by start; the display screens check the time window themselves. */
  allNotices: NoticeView[];
  /** Every notice, newest first: the /notices/ page. */
  noticeArchive: NoticeView[];
  screens: ScreenView[];
  /** Open measures with a dated deadline, soonest (most overdue) first. */
  upcomingDeadlines: MeasureView[];
  ledger: LedgerRow[];
  charts: ChartSet;
}

let cached: Promise<SiteModel> | undefined;

const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) => a.data.order - b.data.order;
const byNumericId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
/** Newest first; ties by id so two builds agree. */
const newestFirst = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1;

function groupInto<T>(keys: (item: T) => readonly string[], items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

async function build(): Promise<SiteModel> {
  const [settings, plan, duties, requirements, areaEntries, measureEntries, unitEntries, updates, columnEntries, postEntries, noticeEntries, metricRows, observationRows] =
    await Promise.all([
      getCollection('settings'),
      getCollection('plan'),
      getCollection('duties'),
      getCollection('requirements'),
      getCollection('areas'),
      getCollection('measures'),
      getCollection('units'),
      getCollection('updates'),
      getCollection('columns'),
      getCollection('posts'),
      getCollection('notices'),
      getCollection('metrics'),
      getCollection('observations'),
    ]);
  const screenEntries = await getCollection('screens');
  const today = buildDate(process.env);
  const history = gitDates(process.cwd());
  if (history.unavailable) {
    console.warn(
      history.unavailable === 'shallow'
        ? '[site] 浅克隆（shallow clone）：git 历史不完整，页面不显示“内容更新于”日期。请用完整克隆构建（fetch-depth: 0 / GIT_DEPTH: 0）。'
        : '[site] 不在 git 仓库中：页面不显示“内容更新于”日期。',
    );
  }
  /** The latest of some dates, ignoring missing ones. */
  const latest = (...dates: (CalendarDate | undefined)[]) => dates.filter((d): d is CalendarDate => d !== undefined).sort().at(-1);
  const changed = (entry: { filePath?: string | undefined }) => (entry.filePath ? history.dates.get(entry.filePath) : undefined);

  const boardKinds = new Set((settings[0]!.data.unitKinds ?? DEFAULT_UNIT_KINDS).filter((k) => k.board).map((k) => k.name));
  const statusLabels = settings[0]!.data.statusLabels ?? [];
  const unitRefs = new Map(unitEntries.map((u) => [u.id, { id: u.id, name: u.data.name }]));
  const measureTitles = new Map(measureEntries.map((m) => [m.id, m.data.title]));

  const records: RecordView[] = updates
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

  const columnTitles = new Map(columnEntries.map((c) => [c.id, c.data.title]));
  const posts: PostView[] = postEntries
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

  const changes = statusChangesByMeasure(
    updates.map((u) => ({ id: u.id, ...u.data })),
    statusLabels,
  );
  const recordsByMeasure = groupInto((r) => r.measures.map((m) => m.id), records);
  const postsByMeasure = groupInto((p) => p.entry.data.measures ?? [], posts);
  const planData = plan[0]!.data;
  const levels = planData.levels ?? [];
  const tree = buildItemTree(measureEntries, { changes, today, planDate: planData.issued });
  const measures: MeasureView[] = tree.map((node) => {
    const view: MeasureView = {
      id: node.id,
      area: node.area,
      number: node.number,
      title: node.entry.data.title,
      label: node.label,
      name: measureName(node, levels),
      depth: node.depth,
      children: [],
      leaf: node.leaf,
      alsoIn: node.alsoIn,
      owners: node.owners.map((id) => unitRefs.get(id)!),
      deadline: node.deadline,
      state: node.state,
      entry: node.entry,
      records: recordsByMeasure.get(node.id) ?? [],
      posts: postsByMeasure.get(node.id) ?? [],
      notices: [] as NoticeView[],
    };
    if (node.leader) view.leader = node.leader;
    if (node.deadlineWording) view.deadlineWording = node.deadlineWording;
    const updated = latest(changed(node.entry), view.records[0]?.date);
    if (updated) view.updated = updated;
    return view;
  });
  const measureById = new Map(measures.map((m) => [m.id, m]));
  for (const node of tree) {
    if (!node.parent) continue;
    const parent = measureById.get(node.parent.id)!;
    measureById.get(node.id)!.parent = { id: parent.id, title: parent.title };
    parent.children.push(measureById.get(node.id)!);
  }
  const leaves = measures.filter((m) => m.leaf);
  measures.forEach((m, i) => {
    const prev = measures[i - 1];
    const next = measures[i + 1];
    if (prev) m.previous = { id: prev.id, title: prev.title };
    if (next) m.next = { id: next.id, title: next.title };
  });

  const measuresByArea = groupInto(
    (m) => (m.depth === 1 ? [String(m.area), ...m.alsoIn.map(String)] : m.alsoIn.map(String)),
    measures,
  );
  const areas: AreaView[] = areaEntries.sort(byNumericId).map((a) => {
    const own = measuresByArea.get(a.id) ?? [];
    const areaLeaves = [...new Set(own.flatMap(leavesOf))];
    const number = Number(a.id);
    const area: AreaView = {
      id: a.id,
      number,
      label: areaLabel({ number, label: a.data.label }),
      name: areaName({ number, label: a.data.label }, levels),
      itemNoun: levelName(levels, 1),
      title: a.data.title,
      manifestations: a.data.manifestations ?? [],
      measures: own,
      leaves: areaLeaves,
      entry: a,
      summary: summarise(areaLeaves.map((m) => m.state)),
    };
    const updated = latest(changed(a), ...own.map((m) => m.updated));
    if (updated) area.updated = updated;
    return area;
  });

  const measuresByUnit = groupInto((m) => m.owners.map((o) => o.id), leaves);
  const recordsByUnit = groupInto((r) => r.units.map((u) => u.id), records);
  const units: UnitView[] = unitEntries.sort(byOrder).map((u) => {
    const own = measuresByUnit.get(u.id) ?? [];
    const unit: UnitView = {
      id: u.id,
      name: u.data.name,
      kind: u.data.kind,
      board: boardKinds.has(u.data.kind),
      entry: u,
      measures: own,
      summary: summarise(own.map((m) => m.state)),
      records: recordsByUnit.get(u.id) ?? [],
    };
    const updated = latest(changed(u), unit.records[0]?.date);
    if (updated) unit.updated = updated;
    return unit;
  });

  const postsByColumn = Map.groupBy(posts, (p) => p.column.id);
  const columns: ColumnView[] = columnEntries.sort(byOrder).map((c) => ({
    id: c.id,
    title: c.data.title,
    description: c.data.description,
    posts: postsByColumn.get(c.id) ?? [],
  }));

  // A notice is shown from the build date until its end; the display screens re-check the time themselves.
  const startOfToday = parseLocalDateTime(`${today} 00:00`)!;
  const allNotices: NoticeView[] = noticeEntries
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
  const notices = allNotices.filter((n) => parseLocalDateTime(n.end)! >= startOfToday);
  const noticesByMeasure = groupInto((n) => n.measures.map((m) => m.id), notices);
  for (const m of measures) m.notices = noticesByMeasure.get(m.id) ?? [];

  const upcomingDeadlines = leaves
    .filter((m) => m.state.daysLeft !== undefined && !CLOSED_STATUSES.has(m.state.status))
    .sort((a, b) => a.state.daysLeft! - b.state.daysLeft! || compareMeasureIds(a.id, b.id));

  const areaByNumber = new Map(areas.map((a) => [a.number, a]));
  const ledger = ledgerRows(
    leaves.map((m) => ({
      area: areaByNumber.get(m.area)!,
      measure: {
        id: m.id,
        label: m.label,
        // An item below the first level is read with the item it belongs to.
        title: m.parent ? `${m.parent.title}：${m.title}` : m.title,
        owners: m.owners.map((o) => o.name),
        deadline: m.deadline,
        deadlineWording: m.deadlineWording,
        state: m.state,
      },
    })),
  );

  const summary = summarise(leaves.map((m) => m.state));
  const leafNoun = countedNoun(levels, leaves);
  const reported = reportedView(plan[0]!.data.reported, { total: summary.total, closed: summary.closed, noun: leafNoun }, today);
  const charts = buildCharts({ summary, areas, units, measures: leaves, today, metricRows, observationRows });

  const planUpdated = latest(...[...plan, ...duties, ...requirements, ...areaEntries, ...measureEntries].map(changed));

  const siteSettings = settings[0]!.data;
  const obligations: ObligationView[] = (siteSettings.obligations ?? []).map((o) => ({
    id: o.id,
    title: o.title,
    rule: o.rule,
    when: o.wording ?? ruleText(o.rule),
    ...(o.audience ? { audience: o.audience } : {}),
    description: o.description,
    measures: (o.measures ?? []).map((id) => ({ id, title: measureTitles.get(id) ?? id })),
    ...(hasFixedDay(o.rule) ? { next: nextOccurrence(o.rule, today) } : {}),
  }));
  const campaignArea = siteSettings.campaign ? areas.find((a) => a.id === siteSettings.campaign!.area) : undefined;
  if (siteSettings.campaign && !campaignArea) console.warn(`[site] 站点设置 campaign.area 为 ${siteSettings.campaign.area}，但没有这个问题方面。`);

  return {
    ...(planUpdated ? { planUpdated } : {}),
    ...(reported ? { reported } : {}),
    ...(campaignArea ? { campaign: { title: siteSettings.campaign!.title, area: campaignArea } } : {}),
    obligations,
    settings: siteSettings,
    plan: plan[0]!,
    duties: duties.sort(byNumericId),
    requirements: requirements.sort(byNumericId),
    today,
    areas,
    measures,
    leaves,
    measureById,
    levels,
    leafNoun,
    summary,
    units,
    records,
    posts,
    columns,
    notices,
    allNotices,
    noticeArchive: [...allNotices].reverse(),
    screens: screenEntries.map((s) => ({ id: s.id, data: s.data })).sort((a, b) => a.id.localeCompare(b.id)),
    upcomingDeadlines,
    ledger,
    charts,
  };
}

/** Every chart of the site, from the same view models the pages show. */
function buildCharts(input: {
  summary: ProgressSummary;
  areas: AreaView[];
  units: UnitView[];
  measures: MeasureView[];
  today: CalendarDate;
  metricRows: CollectionEntry<'metrics'>[];
  observationRows: CollectionEntry<'observations'>[];
}): ChartSet {
  const { summary, areas, units, measures, today } = input;
  const status = statusChart(summary);
  const areasChart = areaChart(areas.map((a) => ({ label: a.label, name: a.name, states: a.leaves.map((m) => m.state) })));
  const unitsChart = unitChart(units.map((u) => ({ name: u.name, states: u.measures.map((m) => m.state) })));
  const burnDown = burnDownChart(
    measures.map((m) => m.state.history),
    today,
  );
  const byArea = new Map(areas.map((a) => [a.id, statusChart(a.summary, `area-${a.id}`, '本方面措施的状态')]));

  // Editors may name units and metrics by id or by name in the tables (the checker accepts both).
  const unitId = makeResolver(units);
  const metricId = makeResolver(input.metricRows.map((m) => ({ id: m.data.id, name: m.data.name })));
  const observations = input.observationRows.map((o) => ({
    metric: metricId(o.data.metric)!,
    period: o.data.period,
    unit: unitId(o.data.unit)!,
    value: o.data.value,
  }));
  const byMetric = Map.groupBy(observations, (o) => o.metric);
  const metrics: ChartSpec[] = [];
  const byMeasure = new Map<string, ChartSpec[]>();
  const byUnit = new Map<string, ChartSpec[]>();
  for (const row of input.metricRows) {
    const definition = { ...row.data, period: row.data.period };
    const own = byMetric.get(row.data.id) ?? [];
    const chart = metricChart(definition, own, units);
    metrics.push(chart);
    byMeasure.set(row.data.measure, [...(byMeasure.get(row.data.measure) ?? []), chart]);
    for (const [unit, rows] of Map.groupBy(own, (o) => o.unit)) {
      const unitChartSpec = metricChart(definition, rows, units, `metric-${row.data.id}-${unit}`);
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), unitChartSpec]);
    }
  }
  const all = [status, areasChart, unitsChart, burnDown, ...byArea.values(), ...metrics, ...[...byUnit.values()].flat()];
  return { status, areas: areasChart, units: unitsChart, burnDown, metrics, byArea, byMeasure, byUnit, all };
}

/** The site's view model, computed once per build. */
export function loadSite(): Promise<SiteModel> {
  cached ??= build();
  return cached;
}
