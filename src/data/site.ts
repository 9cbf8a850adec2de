/**
 * The one module that reads Astro's collections. Pages get typed, precomputed view models from
 * here and never call `getCollection` themselves; everything is computed once per build, and
 * nothing here is quadratic in the number of entries.
 */
import { getCollection } from 'astro:content';
import { buildDate, type CalendarDate } from '../domain/dates.ts';
import { parseLocalDateTime } from '../schemas/vocabulary.ts';
import { ledgerRows } from '../domain/ledger.ts';
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
import { gitDates } from './git-dates.ts';
import { buildCharts } from './charts.ts';
import { noticeViews, obligationViews, postViews, recordViews } from './entries.ts';
import type { AreaView, ColumnView, MeasureView, NoticeView, SiteModel, UnitView } from './views.ts';
import { DEFAULT_UNIT_KINDS } from '../schemas/index.ts';
import { CLOSED_STATUSES, summarise } from '../domain/status.ts';
import { reportedView } from '../domain/reported.ts';

export type * from './views.ts';

let cached: Promise<SiteModel> | undefined;

const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) => a.data.order - b.data.order;
const byNumericId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);

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

  const records = recordViews(updates, { measureTitles, unitRefs, statusLabels });

  const posts = postViews(postEntries, columnEntries);

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
  const allNotices = noticeViews(noticeEntries, measureTitles);
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
  const obligations = obligationViews(siteSettings.obligations ?? [], measureTitles, today);
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

/** The site's view model, computed once per build. */
export function loadSite(): Promise<SiteModel> {
  cached ??= build();
  return cached;
}
