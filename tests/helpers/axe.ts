/**
 * axe-core in a page, one way for every browser test: the WCAG 2.2 AA rules, and only the
 * violations described node by node. By default axe also describes every passing and
 * inapplicable node (a selector and an HTML snippet each), which took a third of its time on
 * our pages and was never read; the list of rules that passed is still there, so a test can
 * see that axe really ran.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  /** The rules that passed (each with at most one example node). */
  passes: unknown[];
}

/**
 * Runs axe on the page as it is now. axe is injected once per loaded document, so a page can be
 * checked again after a change (another colour scheme) without loading it again. It runs under
 * the site's CSP (Playwright evaluates it through the DevTools protocol, which the CSP does not
 * govern; on every page of dist/ it found the same as with `bypassCSP`), so the same load also
 * shows whether the page itself violates its CSP.
 */
export async function runAxe(page: Page): Promise<AxeResult> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
}
