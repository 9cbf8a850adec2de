/**
 * Warns when a measure is 已完成 while its own figures miss the plan's target in their latest
 * period. A warning, not an error: the office may know better (a target met in substance, a
 * figure not yet corrected), but the site must not say 已完成 beside a chart that says otherwise
 * without someone having looked. Reported on the record that set 已完成.
 */
import { statusChangesByMeasure } from '../domain/measures.ts';
import { sortChanges } from '../domain/status.ts';
import { makeResolver } from '../domain/resolve.ts';
import { missedTargetMessage, missedTargets } from '../domain/targets.ts';
import type { IssueList } from './issues.ts';
import type { LoadedContent } from './load.ts';

export function checkCompletedTargets(content: LoadedContent, issues: IssueList): void {
  const units = content.units.map((u) => ({ id: u.id, name: u.data.name }));
  const unitId = makeResolver(units);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const metricId = makeResolver(content.metrics.map((m) => ({ id: m.data.id, name: m.data.name })));
  const metrics = content.metrics.map((m) => m.data);
  const observations = content.observations.flatMap((o) => {
    const metric = metricId(o.data.metric);
    const unit = unitId(o.data.unit);
    // Unknown units or metrics are the table rule's errors; they are left out here.
    return metric && unit ? [{ metric, unit: unitName.get(unit)!, period: o.data.period, value: o.data.value }] : [];
  });
  const records = new Map(content.updates.map((u) => [u.id, u]));
  for (const [measure, changes] of statusChangesByMeasure(
    content.updates.map((u) => ({ id: u.id, ...u.data })),
    content.settings[0]?.data.statusLabels,
  )) {
    const latest = sortChanges(changes).at(-1);
    if (latest?.status !== '已完成') continue;
    const record = records.get(latest.recordId)!;
    for (const missed of missedTargets(measure, metrics, observations)) {
      issues.warning(record.file, record.lineOf(['status']), 'status', missedTargetMessage(missed));
    }
  }
}
