import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsv, type ChartSpec } from '../../../../src/domain/charts.ts';
import { portalCharts } from '../../../../src/portal/rollup.ts';
import { loadPortal } from '../../data.ts';

/** Each chart's numbers as CSV, as on the sites: the same spec draws the chart, its table and this file. */
export const getStaticPaths = (async () =>
  portalCharts(await loadPortal()).map((spec) => ({ params: { id: spec.id }, props: { spec } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { spec: ChartSpec }).spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
