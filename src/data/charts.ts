/** The site's charts, built from the same view models the pages show. */
import type { CollectionEntry } from 'astro:content';
import type { CalendarDate } from '../domain/dates.ts';
import { areaChart, burnDownChart, metricChart, statusChart, unitChart, type ChartSpec } from '../domain/charts.ts';
import { makeResolver } from '../domain/resolve.ts';
import type { ProgressSummary } from '../domain/status.ts';
import type { AreaView, ChartSet, MeasureView, UnitView } from './views.ts';

/** Every chart of the site, from the same view models the pages show. */
export function buildCharts(input: {
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
