/**
 * Turns a `ChartSpec` into a chart.js configuration. Pure, so it is unit tested here and runs
 * unchanged in the browser. Colours step through lightness so series stay apart in grayscale
 * and for colour-blind readers, with a second ramp for dark mode (a dark green bar vanishes on
 * a dark page); every bar has an outline so it stands out from the page (WCAG 1.4.11).
 *
 * The target is a dashed line drawn on a hidden 0–1 axis across the whole plot: a line through
 * one point per category draws nothing for a single period, so it would vanish exactly when a
 * table has just started. It is not clipped, so a target at the axis maximum stays visible, and
 * the legend draws it as a dashed line rather than a filled box.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartSpec, SeriesTone } from '../domain/charts.ts';

type NamedTone = Exclude<SeriesTone, `unit-${number}`>;

/** Fill colours on a light page, ordered by lightness; relative luminance differs by ≥ 0.15 between neighbours. */
export const TONE_COLOURS: Record<NamedTone, string> = {
  done: '#1a4d2e',
  ongoing: '#3b7dc4',
  doing: '#f0a830',
  todo: '#d8d8d8',
  closed: '#1a4d2e',
  open: '#b3261e',
};

/** Fill colours on a dark page: the same order of lightness reversed, so done still stands out most. */
export const DARK_TONE_COLOURS: Record<NamedTone, string> = {
  done: '#b7e4c0',
  ongoing: '#6fa8ea',
  doing: '#b0700f',
  todo: '#4a4a4a',
  closed: '#b7e4c0',
  open: '#ff9b8f',
};

const UNIT_COLOURS = ['#1a4d2e', '#3b7dc4', '#f0a830', '#d8d8d8', '#6b3fa0', '#8fd18f'];
const DARK_UNIT_COLOURS = ['#b7e4c0', '#6fa8ea', '#b0700f', '#4a4a4a', '#c9a6f0', '#3f8f4f'];

export function toneColour(tone: SeriesTone, dark = false): string {
  if (tone.startsWith('unit-')) {
    const ramp = dark ? DARK_UNIT_COLOURS : UNIT_COLOURS;
    return ramp[Number(tone.slice(5)) % ramp.length]!;
  }
  return (dark ? DARK_TONE_COLOURS : TONE_COLOURS)[tone as NamedTone];
}

export interface ChartTheme {
  /** Base font size in CSS px: the page's text size, or larger on the display screens. */
  fontSize: number;
  fontFamily: string;
  text: string;
  grid: string;
  outline: string;
  /** The target line's colour; the text colour when absent. */
  target?: string;
  /** The page is in dark mode: fills come from the dark ramp. */
  dark?: boolean;
}

/**
 * Whether a page background (#rgb or #rrggbb) is dark, so the dark ramp of fills applies: the
 * display screens' LED theme is dark whatever the system's colour scheme says.
 * @example isDarkBackground('#161412') // true
 */
export function isDarkBackground(colour: string): boolean | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}

/** The value axis: 0–100 for rates, whole numbers for counts, always with room above the target and the data. */
export interface ValueAxis {
  min: number;
  max: number;
  /** Ticks every `step` (whole numbers for counts). */
  step?: number;
}

/**
 * The value axis for a spec. A rate (%) runs 0–100 whatever its values; a count runs from 0 to
 * the next round number above both its largest value and its target, and never to just 1 (an
 * axis 0–1 says nothing about a count).
 * @example valueAxis({ unit: '%', series: [], labels: [], stacked: false }) // { min: 0, max: 100, step: 20 }
 * @example valueAxis({ unit: '次', series: [{ values: [1, 0] }], labels: ['a', 'b'], stacked: false, target: { value: 2 } }).max // 3
 */
export function valueAxis(spec: {
  unit: string;
  labels: readonly string[];
  stacked: boolean;
  series: readonly { values: readonly (number | null)[] }[];
  target?: { value: number } | undefined;
}): ValueAxis {
  if (spec.unit === '%') return { min: 0, max: 100, step: 20 };
  const values = spec.stacked
    ? spec.labels.map((_, i) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0))
    : spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = Math.max(0, ...values, spec.target?.value ?? 0);
  const whole = values.every(Number.isInteger) && Number.isInteger(spec.target?.value ?? 0);
  if (!whole) return { min: 0, max: niceCeiling(top * 1.15) };
  // Room for one more step above the highest bar or target, so neither sits on the frame.
  const max = Math.max(4, top + 1);
  if (max <= 10) return { min: 0, max, step: 1 };
  // About six ticks of a round whole step (2, 5, 10, 20…), the top on a tick.
  const step = niceStep(max / 6);
  return { min: 0, max: Math.ceil(max / step) * step, step };
}

/** The smallest 1, 2 or 5 × 10ⁿ (at least 1) at or above `n`. */
function niceStep(n: number): number {
  const power = 10 ** Math.max(0, Math.floor(Math.log10(n)));
  for (const f of [1, 2, 5]) if (f * power >= n) return f * power;
  return 10 * power;
}

/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) at or above `n`; 1 for nothing. */
function niceCeiling(n: number): number {
  if (n <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const f of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8]) if (f * power >= n) return f * power;
  return 10 * power;
}

/**
 * Legend items with the dash of their dataset. chart.js builds a line's legend item from its
 * point style when `usePointStyle` is on, and a point has no dash: without this the target's
 * swatch is a solid line, indistinguishable from a series.
 * @example withDashes([{ datasetIndex: 1 }], [{}, { borderDash: [8, 5] }])[0]!.lineDash // [8, 5]
 */
export function withDashes<T extends { datasetIndex?: number | undefined }>(
  items: readonly T[],
  datasets: readonly { borderDash?: number[] | undefined; borderWidth?: unknown }[],
): (T & { lineDash?: number[]; lineWidth?: number })[] {
  return items.map((item) => {
    const dataset = item.datasetIndex === undefined ? undefined : datasets[item.datasetIndex];
    if (!dataset?.borderDash) return item;
    return {
      ...item,
      lineDash: dataset.borderDash,
      ...(typeof dataset.borderWidth === 'number' ? { lineWidth: dataset.borderWidth } : {}),
    };
  });
}

/** A chart.js configuration for `spec` (no animation: it costs time and memory on the display screens). */
export function chartConfig(spec: ChartSpec, theme: ChartTheme): ChartConfiguration {
  const dark = theme.dark ?? false;
  const datasets: ChartDataset[] = spec.series.map((s) =>
    spec.kind === 'line'
      ? {
          type: 'line',
          label: s.label,
          data: s.values,
          borderColor: toneColour(s.tone, dark),
          backgroundColor: toneColour(s.tone, dark),
          borderWidth: 3,
          pointRadius: 3,
          pointStyle: 'circle',
          tension: 0,
        }
      : {
          type: 'bar',
          label: s.label,
          data: s.values,
          backgroundColor: s.tones ? s.tones.map((t) => toneColour(t, dark)) : toneColour(s.tone, dark),
          borderColor: theme.outline,
          borderWidth: 1,
          pointStyle: 'rect',
        },
  );
  const targetColour = theme.target ?? theme.text;
  if (spec.target) {
    datasets.push({
      type: 'line',
      label: spec.target.label,
      xAxisID: 'across',
      data: [
        { x: 0, y: spec.target.value },
        { x: 1, y: spec.target.value },
      ],
      borderColor: targetColour,
      backgroundColor: 'transparent',
      borderDash: [8, 5],
      borderWidth: 3,
      pointRadius: 0,
      pointStyle: 'line',
      clip: false,
    });
  }
  const font = { family: theme.fontFamily, size: theme.fontSize };
  const axis = valueAxis(spec);
  return {
    type: spec.kind,
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: theme.text,
      font,
      // Room above the plot for a target line at the axis maximum.
      layout: { padding: { top: 4 } },
      plugins: {
        legend: {
          display: datasets.length > 1,
          labels: { color: theme.text, font, boxWidth: font.size * 2, usePointStyle: true, pointStyleWidth: font.size * 2 },
        },
      },
      scales: {
        x: { stacked: spec.stacked, ticks: { color: theme.text, font }, grid: { color: theme.grid } },
        // The target's own axis: 0 at the plot's left edge, 1 at its right edge, never shown.
        ...(spec.target ? { across: { type: 'linear', display: false, min: 0, max: 1 } } : {}),
        y: {
          stacked: spec.stacked,
          min: axis.min,
          max: axis.max,
          ticks: {
            color: theme.text,
            font,
            precision: 0,
            ...(axis.step ? { stepSize: axis.step } : {}),
            ...(spec.unit === '%' ? { callback: (v: number | string) => `${v}%` } : {}),
          },
          grid: { color: theme.grid },
          title: { display: true, text: spec.unit, color: theme.text, font },
        },
      },
    },
  } as ChartConfiguration;
}
