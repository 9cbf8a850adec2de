/**
 * Targets missed in the latest figures: a measure marked 已完成 whose own data still falls
 * short of the plan's target (党费 paid on time by 97.7% of members against 100%) contradicts
 * itself, and the checker warns the office before readers notice.
 */
import { amountText, targetText } from './charts.ts';

export interface TargetMetric {
  id: string;
  name: string;
  unit: string;
  target?: number | undefined;
  /** The measure the metric belongs to. */
  measure: string;
}

export interface TargetObservation {
  /** Metric id. */
  metric: string;
  /** Unit name, as readers know it. */
  unit: string;
  period: string;
  value: number;
}

export interface MissedTarget {
  metric: TargetMetric;
  /** The latest period with figures. */
  period: string;
  /** Units below the target in that period, with their values. */
  below: { unit: string; value: number }[];
}

/**
 * The metrics of `measure` whose latest period has at least one unit below the target. Periods
 * of one metric share a format (2026-09, 2026-Q3, 2026), so they sort as text.
 * @example missedTargets('4-3', [{ id: 'd', name: '党费', unit: '%', target: 100, measure: '4-3' }], [{ metric: 'd', unit: '甲', period: '2026-11', value: 97.7 }])[0]!.below // [{ unit: '甲', value: 97.7 }]
 */
export function missedTargets(
  measure: string,
  metrics: readonly TargetMetric[],
  observations: readonly TargetObservation[],
): MissedTarget[] {
  const missed: MissedTarget[] = [];
  for (const metric of metrics) {
    if (metric.measure !== measure || metric.target === undefined) continue;
    const own = observations.filter((o) => o.metric === metric.id);
    const period = own
      .map((o) => o.period)
      .sort()
      .at(-1);
    if (period === undefined) continue;
    const below = own.filter((o) => o.period === period && o.value < metric.target!).map((o) => ({ unit: o.unit, value: o.value }));
    if (below.length > 0) missed.push({ metric, period, below });
  }
  return missed;
}

/**
 * The warning's words.
 * @example missedTargetMessage({ metric: { id: 'd', name: '党费', unit: '%', target: 100, measure: '4-3' }, period: '2026-11', below: [{ unit: '甲', value: 97.7 }] })
 * // '措施 4-3 标为“已完成”，但指标“党费”2026-11 的数据未达到目标（100%）：甲 97.7%。请核对状态或数据'
 */
export function missedTargetMessage(m: MissedTarget): string {
  const values = m.below.map((b) => `${b.unit} ${amountText(b.value, m.metric.unit)}`).join('、');
  return `措施 ${m.metric.measure} 标为“已完成”，但指标“${m.metric.name}”${m.period} 的数据未达到目标（${targetText(m.metric.target!, m.metric.unit)}）：${values}。请核对状态或数据`;
}
