/**
 * <progress-chart data-spec="…">: the element's small definition, the only chart code a page
 * loads at first. chart.js (about 55 KB gzip) is fetched by dynamic import only when a chart
 * comes within a short distance of the screen, so a page whose charts sit below the first
 * screen costs a reader who never scrolls there nothing; the chart is destroyed when the
 * element leaves the page, because the display screens run for weeks.
 *
 * Without JavaScript the element stays hidden and the table below it carries the numbers;
 * in print the canvas is hidden too (it prints blurred), the table prints sharp.
 */
import type { ChartHandle } from './chart-draw.ts';

/** How close (CSS px) a chart comes to the screen before its library is fetched. */
const NEAR = '150px';

export class ProgressChart extends HTMLElement {
  #chart: ChartHandle | undefined;
  #observer: IntersectionObserver | undefined;
  #connected = false;

  connectedCallback(): void {
    this.#connected = true;
    this.dataset['ready'] = '';
    if (!('IntersectionObserver' in window)) {
      void this.#draw();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        void this.#draw();
      },
      { rootMargin: NEAR },
    );
    this.#observer.observe(this);
  }

  async #draw(): Promise<void> {
    const canvas = this.querySelector('canvas');
    if (!canvas || this.#chart) return;
    const { drawChart } = await import('./chart-draw.ts');
    // Charts that arrive together each draw in a task of their own, so no single task blocks
    // the page for long (on /stats/ several charts come into view at once).
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The element may have left the page while the library was on its way.
    if (!this.#connected || this.#chart) return;
    this.#chart = drawChart(this, canvas);
    if (this.#chart) this.dataset['drawn'] = '';
  }

  disconnectedCallback(): void {
    this.#connected = false;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#chart?.destroy();
    this.#chart = undefined;
  }
}

if (!customElements.get('progress-chart')) customElements.define('progress-chart', ProgressChart);
