/**
 * <progress-chart data-spec="…">: draws a ChartSpec with chart.js. Only the controllers and
 * elements the specs use are registered (never chart.js/auto), and the chart is destroyed when
 * the element leaves the page, because the display screens run for weeks.
 *
 * Without JavaScript the element stays empty and the table beside it carries the numbers.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { chartConfig } from '../lib/chart-config.ts';
import type { ChartSpec } from '../lib/charts.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend);

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export class ProgressChart extends HTMLElement {
  #chart: Chart | undefined;
  #details: HTMLDetailsElement | null = null;
  #openForPrint = () => {
    if (this.#details) this.#details.open = true;
  };

  connectedCallback(): void {
    const canvas = this.querySelector('canvas');
    const spec = JSON.parse(this.dataset['spec'] ?? 'null') as ChartSpec | null;
    if (!canvas || !spec) return;
    this.hidden = false;
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
    // With the chart drawn, the table moves behind its toggle; printing opens it again,
    // since a canvas prints blurred and the table prints sharp.
    this.#details = this.closest('figure')?.querySelector('details') ?? null;
    if (this.#details) this.#details.open = false;
    window.addEventListener('beforeprint', this.#openForPrint);
  }

  disconnectedCallback(): void {
    window.removeEventListener('beforeprint', this.#openForPrint);
    this.#chart?.destroy();
    this.#chart = undefined;
  }
}

if (!customElements.get('progress-chart')) customElements.define('progress-chart', ProgressChart);
