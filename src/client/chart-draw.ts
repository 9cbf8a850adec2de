/**
 * Draws one <progress-chart> with chart.js: loaded by dynamic import from progress-chart.ts, so
 * it is fetched only when a chart nears the screen. Only the controllers and elements the specs
 * use are registered (never chart.js/auto).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { chartConfig, isDarkBackground, withDashes } from './chart-config.ts';
import type { ChartSpec } from '../domain/charts.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend);

export interface ChartHandle {
  destroy(): void;
}

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** Draws the spec in `element`'s data-spec on `canvas`, in the page's colours (light or dark). */
export function drawChart(element: HTMLElement, canvas: HTMLCanvasElement): ChartHandle | undefined {
  const spec = JSON.parse(element.dataset['spec'] ?? 'null') as ChartSpec | null;
  if (!spec) return undefined;
  const style = getComputedStyle(element);
  const size = Number.parseFloat(style.fontSize) || 16;
  const config = chartConfig(spec, {
    fontSize: Math.round(size * 0.875),
    fontFamily: style.fontFamily,
    text: css('--color-text') || '#1f1f1f',
    grid: css('--color-border') || '#d9d4cf',
    outline: css('--color-text') || '#1f1f1f',
    target: css('--color-accent') || '#a31f18',
    dark: isDarkBackground(css('--color-bg')) ?? matchMedia('(prefers-color-scheme: dark)').matches,
  });
  const labels = config.options?.plugins?.legend?.labels;
  const base = Chart.defaults.plugins.legend.labels.generateLabels;
  if (labels) labels.generateLabels = (chart) => withDashes(base(chart), chart.data.datasets as { borderDash?: number[] }[]);
  return new Chart(canvas, config);
}
