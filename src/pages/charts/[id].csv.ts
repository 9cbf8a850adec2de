import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../data/site.ts';
import { chartCsv, type ChartSpec } from '../../domain/charts.ts';

/** Each chart's numbers as CSV, from the same spec the chart and its table are drawn from. */
export const getStaticPaths = (async () =>
  (await loadSite()).charts.all.map((spec) => ({ params: { id: spec.id }, props: { spec } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { spec: ChartSpec }).spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
