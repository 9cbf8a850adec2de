/**
 * Turns a `ChartSpec` into a chart.js configuration. Pure, so it is unit tested here and runs
 * unchanged in the browser. Colours step through lightness (dark → light) so series stay apart
 * in grayscale and for colour-blind readers; every bar has a dark outline so it stands out
 * from the page (WCAG 1.4.11); the target is a dashed line.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartSpec, SeriesTone } from './charts.ts';

/** Fill colours, ordered by lightness; relative luminance differs by ≥ 0.15 between neighbours. */
export const TONE_COLOURS: Record<Exclude<SeriesTone, `unit-${number}`>, string> = {
  done: '#1a4d2e',
  ongoing: '#3b7dc4',
  doing: '#f0a830',
  todo: '#d8d8d8',
  closed: '#1a4d2e',
  open: '#b3261e',
};

const UNIT_COLOURS = ['#1a4d2e', '#3b7dc4', '#f0a830', '#d8d8d8', '#6b3fa0', '#8fd18f'];

export function toneColour(tone: SeriesTone): string {
  if (tone.startsWith('unit-')) return UNIT_COLOURS[Number(tone.slice(5)) % UNIT_COLOURS.length]!;
  return TONE_COLOURS[tone as keyof typeof TONE_COLOURS];
}

export interface ChartTheme {
  /** Base font size in CSS px: the page's text size, or larger on the display screens. */
  fontSize: number;
  fontFamily: string;
  text: string;
  grid: string;
  outline: string;
}

/** A chart.js configuration for `spec` (no animation: it costs time and memory on the display screens). */
export function chartConfig(spec: ChartSpec, theme: ChartTheme): ChartConfiguration {
  const datasets: ChartDataset[] = spec.series.map((s) =>
    spec.kind === 'line'
      ? {
          type: 'line',
          label: s.label,
          data: s.values,
          borderColor: toneColour(s.tone),
          backgroundColor: toneColour(s.tone),
          borderWidth: 3,
          pointRadius: 3,
          tension: 0,
        }
      : {
          type: 'bar',
          label: s.label,
          data: s.values,
          backgroundColor: s.tones ? s.tones.map(toneColour) : toneColour(s.tone),
          borderColor: theme.outline,
          borderWidth: 1,
        },
  );
  if (spec.target) {
    datasets.push({
      type: 'line',
      label: spec.target.label,
      data: spec.labels.map(() => spec.target!.value),
      borderColor: theme.text,
      backgroundColor: theme.text,
      borderDash: [8, 5],
      borderWidth: 2,
      pointRadius: 0,
    });
  }
  const font = { family: theme.fontFamily, size: theme.fontSize };
  return {
    type: spec.kind,
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: theme.text,
      font,
      plugins: {
        legend: { display: datasets.length > 1, labels: { color: theme.text, font, boxWidth: font.size } },
      },
      scales: {
        x: { stacked: spec.stacked, ticks: { color: theme.text, font }, grid: { color: theme.grid } },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          ticks: { color: theme.text, font, precision: 0 },
          grid: { color: theme.grid },
          title: { display: true, text: spec.unit, color: theme.text, font },
        },
      },
    },
  } as ChartConfiguration;
}
