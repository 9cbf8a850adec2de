/**
 * The county's view over its members' feeds: totals, each town's progress, the overdue items and
 * one ranking per status category. Pure: the portal's pages and the tests read the same model.
 * Counts are the members' own (each feed's `summary`), added up, never recomputed differently.
 */
import { STATUS_TONES, statusChart, type ChartSpec } from '../domain/charts.ts';
import type { CalendarDate } from '../domain/dates.ts';
import { CLOSED_STATUSES, type MeasureStatus, type ProgressSummary } from '../domain/status.ts';
import type { Feed, FeedSummary } from '../schemas/feed.ts';
import type { MemberView } from './members.ts';
import { portalPaths } from './urls.ts';

export type FeedItem = Feed['items'][number];

/** A status category's page on the portal: the four statuses and 逾期. */
export interface Category {
  key: 'done' | 'ongoing' | 'doing' | 'todo' | 'overdue';
  label: MeasureStatus | '逾期';
  count: (s: FeedSummary) => number;
}

export const CATEGORIES: readonly Category[] = [
  { key: 'overdue', label: '逾期', count: (s) => s.overdue },
  { key: 'todo', label: '未启动', count: (s) => s.未启动 },
  { key: 'doing', label: '推进中', count: (s) => s.推进中 },
  { key: 'ongoing', label: '长期坚持', count: (s) => s.长期坚持 },
  { key: 'done', label: '已完成', count: (s) => s.已完成 },
];

/** Items closed (销号): the statuses the sites count as closed, from the one list of them. */
export const closedCount = (s: FeedSummary): number => [...CLOSED_STATUSES].reduce((n, status) => n + s[status], 0);

export const toProgress = (s: FeedSummary): ProgressSummary => ({
  total: s.total,
  byStatus: { 未启动: s.未启动, 推进中: s.推进中, 已完成: s.已完成, 长期坚持: s.长期坚持 },
  overdue: s.overdue,
  closed: closedCount(s),
  percentClosed: s.percentClosed,
});

export function addSummaries(summaries: readonly FeedSummary[]): FeedSummary {
  const sum = (pick: (s: FeedSummary) => number) => summaries.reduce((n, s) => n + pick(s), 0);
  const total = sum((s) => s.total);
  const closed = sum(closedCount);
  return {
    total,
    未启动: sum((s) => s.未启动),
    推进中: sum((s) => s.推进中),
    已完成: sum((s) => s.已完成),
    长期坚持: sum((s) => s.长期坚持),
    overdue: sum((s) => s.overdue),
    percentClosed: total === 0 ? 0 : Math.round((closed / total) * 100),
  };
}

/** Where a member's page is: on its own site when its address is known, else the portal's own page for it. */
export function memberPageUrl(member: Pick<MemberView, 'base'>, path: string, onPortal: string): string {
  return member.base ? new URL(path.replace(/^\//, ''), member.base).href : onPortal;
}

/** Where an item is read: its page on the member's site, or its row on the portal. */
export const itemUrl = (member: Pick<MemberView, 'id' | 'base'>, item: Pick<FeedItem, 'id' | 'area' | 'path'>) =>
  memberPageUrl(member, item.path, `${portalPaths.townArea(member.id, item.area)}#item-${item.id}`);

export interface OverdueItem {
  member: MemberView;
  item: FeedItem;
  url: string;
}

export interface PortalModel {
  today: CalendarDate;
  members: MemberView[];
  /** Members whose data is shown (正常 and 数据过期). */
  usable: MemberView[];
  /** Members that are not 正常, in the list's order: never dropped silently. */
  attention: MemberView[];
  totals: FeedSummary;
  statusChart: ChartSpec;
  /** Towns by the share of their items closed. */
  distribution: ChartSpec;
  /** Every overdue counted item, by town in the list's order, then by deadline. */
  overdue: OverdueItem[];
}

const BUCKETS = [
  { label: '不足 20%', max: 19 },
  { label: '20%–39%', max: 39 },
  { label: '40%–59%', max: 59 },
  { label: '60%–79%', max: 79 },
  { label: '80%–99%', max: 99 },
  { label: '全部销号', max: 100 },
];

function distributionChart(usable: readonly MemberView[]): ChartSpec {
  const counts = BUCKETS.map(() => 0);
  for (const m of usable) counts[BUCKETS.findIndex((b) => m.feed!.summary.percentClosed <= b.max)]! += 1;
  const most = counts.indexOf(Math.max(...counts));
  return {
    id: 'distribution',
    title: '各镇整改销号比例分布',
    kind: 'bar',
    stacked: false,
    labels: BUCKETS.map((b) => b.label),
    categoryLabel: '已销号比例',
    series: [{ label: '镇数', values: counts, tone: 'closed' }],
    unit: '个',
    summary:
      usable.length === 0
        ? '还没有取得任何成员站点的数据。'
        : `${usable.length} 个镇中，已销号比例在“${BUCKETS[most]!.label}”的最多，有 ${counts[most]} 个。`,
  };
}

/** One category's ranking: towns by how many items are in it, most first, ties in the list's order. */
export function categoryRanking(model: PortalModel, category: Category): { member: MemberView; count: number; share: number }[] {
  return model.usable
    .map((member) => {
      const s = member.feed!.summary;
      const count = category.count(s);
      return { member, count, share: s.total === 0 ? 0 : Math.round((count / s.total) * 100) };
    })
    .sort((a, b) => b.count - a.count);
}

export function categoryChart(model: PortalModel, category: Category, top = 20): ChartSpec {
  const ranking = categoryRanking(model, category).filter((r) => r.count > 0);
  const shown = ranking.slice(0, top);
  const tone = category.key === 'overdue' ? 'open' : STATUS_TONES[category.label as MeasureStatus];
  return {
    id: `category-${category.key}`,
    title: `${category.label}条目最多的镇`,
    kind: 'bar',
    stacked: false,
    labels: shown.map((r) => r.member.name),
    categoryLabel: '镇',
    series: [{ label: `${category.label}条目`, values: shown.map((r) => r.count), tone }],
    unit: '项',
    summary:
      shown.length === 0
        ? `各镇都没有${category.label}的条目。`
        : `全县${category.label}条目共 ${category.count(model.totals)} 项，最多的是${shown[0]!.member.name}（${shown[0]!.count} 项）${ranking.length > top ? `；图中列出最多的 ${top} 个镇` : ''}。`,
  };
}

/** A town's status chart; its id is unique across the portal (it names the chart's CSV). */
export const townChart = (member: Pick<MemberView, 'id' | 'name'> & { feed: Feed }): ChartSpec =>
  statusChart(toProgress(member.feed.summary), `town-${member.id}`, `${member.name}整改条目状态`);

/** Every chart the portal draws, for the CSV downloads beside them. */
export function portalCharts(model: PortalModel): ChartSpec[] {
  return [
    model.distribution,
    model.statusChart,
    ...CATEGORIES.map((c) => categoryChart(model, c)),
    ...model.usable.map((m) => townChart({ ...m, feed: m.feed! })),
  ];
}

export function buildPortal(members: MemberView[], today: CalendarDate): PortalModel {
  const usable = members.filter((m) => m.feed);
  const totals = addSummaries(usable.map((m) => m.feed!.summary));
  const overdue = usable.flatMap((member) =>
    member
      .feed!.items.filter((item) => item.leaf && item.overdue)
      .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0))
      .map((item) => ({ member, item, url: itemUrl(member, item) })),
  );
  return {
    today,
    members,
    usable,
    attention: members.filter((m) => m.state !== 'ok'),
    totals,
    statusChart: statusChart(toProgress(totals), 'status', '全县整改条目状态'),
    distribution: distributionChart(usable),
    overdue,
  };
}
