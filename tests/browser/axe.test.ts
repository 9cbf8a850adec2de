/**
 * Accessibility in Chromium: axe-core (WCAG 2.2 AA) on every page of dist/ at phone and desktop
 * sizes, and at the phone's size in dark mode too. Apart from the other page tests so that the
 * two test workers share the longest work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe, type AxeResult } from '../helpers/axe.ts';
import { DESKTOP, PHONE, startHarness, type Harness } from '../helpers/browser.ts';
import { htmlPages } from '../helpers/dist.ts';

const pages = htmlPages();
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

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

// Each size loads every page once: at the phone's size axe runs in light mode, then again after
// switching the page to dark mode (media emulation re-styles the loaded page as a dark-mode
// visit would), instead of loading every page a third time.
describe('axe-core', () => {
  it.each([
    { size: 'phone', viewport: PHONE, schemes: ['light', 'dark'], modes: 'light and dark mode' },
    { size: 'desktop', viewport: DESKTOP, schemes: ['light'], modes: 'light mode' },
  ] as const)(
    'at $size size ($modes) finds no WCAG 2.2 AA violation on any page',
    async ({ viewport, schemes }) => {
      // Only axe's own injection bypasses the CSP; the CSP itself is tested in pages.test.ts without bypass.
      const context = await h.browser.newContext({ viewport, colorScheme: 'light', bypassCSP: true });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of pages) {
        await page.emulateMedia({ colorScheme: schemes[0] });
        await page.goto(h.url + path);
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
      // Seventy pages, each a few hundred milliseconds of axe: minutes on a loaded two-core machine.
    },
    400_000,
  );
});
