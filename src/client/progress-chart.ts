/**
 * <progress-chart data-spec="…">: draws a ChartSpec with chart.js. Only the controllers and
 * elements the specs use are registered (never chart.js/auto), and the chart is destroyed when
 * the element leaves the page, because the display screens run for weeks.
 *
 * Without JavaScript the element stays hidden and the table below it carries the numbers;
 * in print the canvas is hidden too (it prints blurred), the table prints sharp.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { chartConfig } from '../lib/chart-config.ts';
import type { ChartSpec } from '../lib/charts.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend);

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export class ProgressChart extends HTMLElement {
  #chart: Chart | undefined;
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    this.dataset['ready'] = '';
    // A page of many charts draws each as it nears the screen, so none blocks the first paint.
    if (!('IntersectionObserver' in window)) {
      this.#draw();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        this.#draw();
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
  }

  #draw(): void {
    const canvas = this.querySelector('canvas');
    const spec = JSON.parse(this.dataset['spec'] ?? 'null') as ChartSpec | null;
    if (!canvas || !spec || this.#chart) return;
    const size = Number.parseFloat(getComputedStyle(this).fontSize) || 16;
    this.#chart = new Chart(
      canvas,
      chartConfig(spec, {
        fontSize: Math.round(size * 0.875),
        fontFamily: getComputedStyle(this).fontFamily,
        text: css('--color-text') || '#1f1f1f',
        grid: css('--color-border') || '#d9d4cf',
        outline: css('--color-text') || '#1f1f1f',
      }),
    );
    this.dataset['drawn'] = '';
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#chart?.destroy();
    this.#chart = undefined;
  }
}

if (!customElements.get('progress-chart')) customElements.define('progress-chart', ProgressChart);
