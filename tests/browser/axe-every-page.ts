/**
 * Accessibility in Chromium: axe-core (WCAG 2.2 AA) on every page of dist/, and, on the same
 * loads, that no page logs an error, fails a request or violates its Content-Security-Policy
 * (axe runs under the CSP, so a page is loaded once for both). One test per size, each in a
 * test file of its own (axe.test.ts: the phone, in light and dark mode; axe-desktop.test.ts),
 * apart from the other page tests: they are the longest browser work, and two files let the
 * two test workers share it whatever order a first run takes them in (by file size, before
 * vitest knows their durations).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAxe, type AxeResult } from '../helpers/axe.ts';
import { startHarness, type Harness } from '../helpers/browser.ts';
import { htmlPages } from '../helpers/dist.ts';

/** One line per violation: the page, the colour scheme, the rule and where. */
function describeViolations(path: string, scheme: string, result: AxeResult): string[] {
  return result.violations.map(
    (v) =>
      `${path} (${scheme}): ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')}`,
  );
}

export interface Size {
  size: string;
  viewport: { width: number; height: number };
  /** The colour schemes axe runs in, on one load of each page. */
  schemes: readonly ['light' | 'dark', ...('light' | 'dark')[]];
  modes: string;
}

/**
 * The test for one size, in the test file that calls it. Each size loads every page once: at the
 * phone's size axe runs in light mode, then again after switching the page to dark mode (media
 * emulation re-styles the loaded page as a dark-mode visit would), instead of loading every page
 * again. Seventy pages, each a few hundred milliseconds of axe: a minute or more per size on a
 * loaded two-core machine.
 */
export function axeEveryPage({ size, viewport, schemes, modes }: Size): void {
  const pages = htmlPages();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`at ${size} size (${modes}) finds no WCAG 2.2 AA violation on any page, and no page logs an error, fails a request or violates its CSP`, async () => {
    const context = await h.browser.newContext({ viewport, colorScheme: 'light' });
    const page = await context.newPage();
    const found: string[] = [];
    const problems: string[] = [];
    let current = '';
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${current}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
    // ERR_ABORTED is the test's own navigation cancelling a late request (the favicon), not a failure.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${current}: failed ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/404.html')) problems.push(`${current}: ${r.status()} ${r.url()}`);
    });
    for (const path of pages) {
      current = path;
      await page.emulateMedia({ colorScheme: schemes[0] });
      await page.goto(h.url + path, { waitUntil: 'load' });
      for (const colorScheme of schemes) {
        await page.emulateMedia({ colorScheme });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), path).toBe(colorScheme === 'dark');
        const result = await runAxe(page);
        // axe really ran its rules on this page.
        expect(result.passes.length, `${path} (${colorScheme})`).toBeGreaterThan(5);
        found.push(...describeViolations(path, colorScheme, result));
      }
    }
    await context.close();
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  }, 400_000);
}
