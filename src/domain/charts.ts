/**
 * Progress charts as data: each chart is a `ChartSpec` computed from the content, rendered three
 * ways from the same numbers: a chart.js canvas (src/client/chart-config.ts), a server-rendered
 * `<table>` that works without JavaScript, and a CSV download. The one-sentence summary is
 * generated from the numbers too, so nothing can disagree.
 */
import { toExcelCsv } from './csv.ts';
import { daysBetween, formatDate, type CalendarDate } from './dates.ts';
import { formatPeriod } from './periods.ts';
import { CLOSED_STATUSES, STATUSES, type MeasureState, type MeasureStatus, type ProgressSummary } from './status.ts';

/** How a series is drawn: a palette slot (distinct in lightness, so grayscale and colour-blind safe) and a kind. */
export type SeriesTone = 'todo' | 'doing' | 'ongoing' | 'done' | 'open' | 'closed' | `unit-${number}`;

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  tone: SeriesTone;
  /** A tone per value, when each bar is a category of its own (the four statuses). */
  tones?: SeriesTone[];
}

export interface ChartSpec {
  /** Stable id: the element id and the CSV file name (/charts/<id>.csv). */
  id: string;
  title: string;
  kind: 'bar' | 'line';
  stacked: boolean;
  /** Category labels along the x axis. */
  labels: string[];
  /** What the categories are, as the table's first column header: 状态, 月份, 单位… */
  categoryLabel: string;
  series: ChartSeries[];
  /** A target from the plan, drawn as a dashed line. */
  target?: { value: number; label: string };
  /** What the numbers count: 项, 次, 学时, %. */
  unit: string;
  /** One sentence in Chinese that says what the chart shows. */
  summary: string;
}

export const STATUS_TONES: Record<MeasureStatus, SeriesTone> = { 未启动: 'todo', 推进中: 'doing', 长期坚持: 'ongoing', 已完成: 'done' };

/**
 * 整改措施状态: how many measures are in each status.
 * @example statusChart(summarise(states)).summary // '20 项措施中已完成 3 项、长期坚持 2 项、推进中 4 项、未启动 11 项，其中逾期 2 项。'
 */
export function statusChart(summary: ProgressSummary, id = 'status', title = '整改措施状态'): ChartSpec {
  const order: MeasureStatus[] = ['已完成', '长期坚持', '推进中', '未启动'];
  const parts = order.map((s) => `${s} ${summary.byStatus[s]} 项`).join('、');
  return {
    id,
    title,
    kind: 'bar',
    stacked: false,
    labels: [...STATUSES],
    categoryLabel: '状态',
    series: [
      { label: '措施数', values: STATUSES.map((s) => summary.byStatus[s]), tone: 'doing', tones: STATUSES.map((s) => STATUS_TONES[s]) },
    ],
    unit: '项',
    summary: `${summary.total} 项措施中${parts}${summary.overdue > 0 ? `，其中逾期 ${summary.overdue} 项` : ''}。`,
  };
}

/** @example shareText(2, 3) // '3 项中已销号 2 项' */
function shareText(closed: number, total: number): string {
  return `${total} 项中已销号 ${closed} 项`;
}

/** Status counts by group (area or unit), as stacked bars, with a sentence naming the best and the worst. */
function statusByGroup(
  id: string,
  title: string,
  categoryLabel: string,
  groups: readonly { label: string; name: string; states: readonly Pick<MeasureState, 'status'>[] }[],
): ChartSpec {
  const series = STATUSES.map((status) => ({
    label: status,
    values: groups.map((g) => g.states.filter((s) => s.status === status).length),
    tone: STATUS_TONES[status],
  }));
  const shares = groups
    .filter((g) => g.states.length > 0)
    .map((g) => ({ label: g.name, closed: g.states.filter((s) => CLOSED_STATUSES.has(s.status)).length, total: g.states.length }))
    .map((g) => ({ ...g, share: g.closed / g.total }));
  const best = shares.reduce<(typeof shares)[number] | undefined>((a, b) => (!a || b.share > a.share ? b : a), undefined);
  const worst = shares.reduce<(typeof shares)[number] | undefined>((a, b) => (!a || b.share < a.share ? b : a), undefined);
  const summary =
    best && worst && best !== worst && best.share !== worst.share
      ? `已销号比例最高的是${best.label}（${shareText(best.closed, best.total)}），最低的是${worst.label}（${shareText(worst.closed, worst.total)}）。`
      : `${groups.length} 组的已销号比例相同${best ? `，均为 ${Math.round(best.share * 100)}%` : ''}。`;
  return { id, title, kind: 'bar', stacked: true, labels: groups.map((g) => g.label), categoryLabel, series, unit: '项', summary };
}

/** 各方面问题的整改进度: status by area. Labels are the plan's （一）…（五）. */
export function areaChart(areas: readonly { label: string; name: string; states: readonly Pick<MeasureState, 'status'>[] }[]): ChartSpec {
  return statusByGroup(
    'areas',
    '各方面问题的整改进度',
    '问题',
    areas.map((a) => ({ label: a.label, name: a.name, states: a.states })),
  );
}

/** 各单位的整改进度: status of the measures each unit leads. */
export function unitChart(units: readonly { name: string; states: readonly Pick<MeasureState, 'status'>[] }[]): ChartSpec {
  return statusByGroup(
    'units',
    '各责任单位所负责措施的整改进度',
    '单位',
    units.filter((u) => u.states.length > 0).map((u) => ({ label: u.name, name: u.name, states: u.states })),
  );
}

/** Whether a measure is closed on `date`, given its status changes (oldest first). */
function closedOn(history: readonly { date: CalendarDate; status: MeasureStatus }[], date: CalendarDate): boolean {
  let status: MeasureStatus = '未启动';
  for (const h of history) {
    if (h.date > date) break;
    status = h.status;
  }
  return CLOSED_STATUSES.has(status);
}

/** Adds `days` to a calendar date. */
function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * 未销号措施燃尽图: open measures week by week, from the first status change to `today`.
 * Each point counts the measures not closed at the end of that day.
 */
export function burnDownChart(
  histories: readonly (readonly { date: CalendarDate; status: MeasureStatus }[])[],
  today: CalendarDate,
): ChartSpec {
  const first = histories
    .flatMap((h) => h.map((c) => c.date))
    .filter((d) => d <= today)
    .sort()[0];
  const dates: CalendarDate[] = [];
  if (first) {
    for (let d = first; d < today; d = addDays(d, 7)) dates.push(d);
    dates.push(today);
  } else {
    dates.push(today);
  }
  const open = dates.map((date) => histories.filter((h) => !closedOn(h, date)).length);
  const weeks = Math.round(daysBetween(dates[0]!, today) / 7);
  return {
    id: 'burn-down',
    title: '未销号措施数量变化',
    kind: 'line',
    stacked: false,
    // Short labels along the axis (the summary and the CSV keep the year).
    labels: dates.map((d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`),
    categoryLabel: '日期',
    series: [{ label: '未销号措施', values: open, tone: 'open' }],
    unit: '项',
    summary:
      dates.length > 1
        ? `未销号措施从${formatDate(dates[0]!)}的 ${open[0]} 项变为${formatDate(today)}的 ${open.at(-1)} 项（约 ${weeks} 周）。`
        : `截至${formatDate(today)}，未销号措施 ${open[0]} 项。`,
  };
}

export interface MetricDefinition {
  id: string;
  name: string;
  /** 计量单位: 次, 学时, %. */
  unit: string;
  period: '月' | '季' | '年';
  target?: number | undefined;
}

export interface MetricObservation {
  period: string;
  /** Unit id. */
  unit: string;
  value: number;
}

/** The table header over a metric's periods. */
const PERIOD_LABELS: Record<MetricDefinition['period'], string> = { 月: '月份', 季: '季度', 年: '年份' };

/**
 * A figure with its unit as readers write it: no space before %, a space before a word.
 * @example amountText(97.5, '%') // '97.5%'
 * @example amountText(2, '次') // '2 次'
 */
export function amountText(value: number, unit: string): string {
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/**
 * A target in words: a rate of 100% is reached, not exceeded.
 * @example targetText(100, '%') // '100%'
 * @example targetText(2, '次') // '不少于 2 次'
 */
export function targetText(target: number, unit: string): string {
  if (unit === '%' && target === 100) return '100%';
  return `${unit === '%' ? '不低于' : '不少于'} ${amountText(target, unit)}`;
}

/**
 * One quantified obligation of the plan against its target: periods along the axis, one bar
 * per unit, the target as a line. The sentence counts the units meeting the target in the
 * latest period.
 */
export function metricChart(
  metric: MetricDefinition,
  observations: readonly MetricObservation[],
  units: readonly { id: string; name: string }[],
  id = `metric-${metric.id}`,
): ChartSpec {
  const periods = [...new Set(observations.map((o) => o.period))].sort();
  const present = units.filter((u) => observations.some((o) => o.unit === u.id));
  const value = new Map(observations.map((o) => [`${o.period}|${o.unit}`, o.value]));
  const series = present.map((u, i) => ({
    label: u.name,
    values: periods.map((p) => value.get(`${p}|${u.id}`) ?? null),
    tone: `unit-${i}` as SeriesTone,
  }));
  const latest = periods.at(-1);
  const { target } = metric;
  let summary: string;
  if (!latest) {
    summary = `${metric.name}：暂无数据。`;
  } else {
    const latestValues = present
      .map((u) => ({ name: u.name, v: value.get(`${latest}|${u.id}`) }))
      .filter((x): x is { name: string; v: number } => x.v !== undefined);
    const when = formatPeriod(latest);
    if (target === undefined) {
      summary = `${metric.name}：${when}${latestValues.map((x) => `${x.name} ${amountText(x.v, metric.unit)}`).join('，')}（方案未定目标）。`;
    } else if (latestValues.length === 1) {
      const only = latestValues[0]!;
      summary = `${metric.name}：${when}只有${only.name}报送了数据（${amountText(only.v, metric.unit)}），${only.v >= target ? '达到' : '未达到'}目标（${targetText(target, metric.unit)}）。`;
    } else {
      const missed = latestValues.filter((x) => x.v < target);
      const met = latestValues.length - missed.length;
      const goal = `目标（${targetText(target, metric.unit)}）`;
      const head = `${metric.name}：${when}报送数据的 ${latestValues.length} 个单位`;
      summary =
        missed.length === 0
          ? `${head}全部达到${goal}。`
          : met === 0
            ? `${head}都未达到${goal}。`
            : `${head}中 ${met} 个达到${goal}，未达到的是${missed.map((x) => x.name).join('、')}。`;
    }
  }
  const spec: ChartSpec = {
    id,
    title: metric.name,
    kind: 'bar',
    stacked: false,
    labels: periods.map(formatPeriod),
    categoryLabel: PERIOD_LABELS[metric.period],
    series,
    unit: metric.unit,
    summary,
  };
  if (target !== undefined) spec.target = { value: target, label: `目标：${targetText(target, metric.unit)}` };
  return spec;
}

/**
 * A chart's numbers as tidy CSV (one row per category × series), UTF-8 with BOM for Excel; labels
 * from content are neutralised against formula injection.
 * @example chartCsv(spec).split('\r\n')[0] // '\uFEFF类别,系列,数值,单位'
 */
export function chartCsv(spec: ChartSpec): string {
  const rows = spec.series.flatMap((s) => spec.labels.map((label, i) => [label, s.label, s.values[i] ?? '', spec.unit]));
  if (spec.target) rows.push(...spec.labels.map((label) => [label, '目标', spec.target!.value, spec.unit]));
  return toExcelCsv([['类别', '系列', '数值', '单位'], ...rows]);
}
