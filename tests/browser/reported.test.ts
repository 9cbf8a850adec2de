/**
 * The reported figures (自报) as a browser shows them, on the display-screen fixture whose plan
 * reports its own totals: no axe violation where they appear, in light and dark mode, and on the
 * phone's first screen the figure sits right under the site's own progress, before the notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../helpers/axe.ts';
import { PHONE, startHarness, type Harness } from '../helpers/browser.ts';
import { sharedKioskFixture, type FixtureBuild } from '../helpers/kiosk-fixture.ts';

let build: FixtureBuild;
let h: Harness;

beforeAll(async () => {
  build = sharedKioskFixture();
  h = await startHarness(build.dist);
}, 240_000);
afterAll(async () => {
  await h?.close();
  build?.remove();
});

describe.each(['light', 'dark'] as const)('pages with reported figures (%s mode, phone)', (colorScheme) => {
  it('have no WCAG 2.2 AA violation', async () => {
    const context = await h.browser.newContext({ viewport: PHONE, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of ['/', '/stats/', '/report/']) {
      await page.goto(h.url + path);
      expect(await page.locator('[data-reported], p:has-text("方案自报")').count(), path).toBeGreaterThan(0);
      const result = await runAxe(page);
      for (const v of result.violations) found.push(`${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    }
    await context.close();
    expect(found).toEqual([]);
  }, 120_000);
});

describe('the first screen of a phone', () => {
  it('shows the reported figure under the site’s own progress bar, within the screen', async () => {
    const context = await h.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(h.url + '/');
    const box = await page.locator('.overall [data-reported]').boundingBox();
    const bar = await page.locator('.overall .progress').boundingBox();
    expect(box!.y).toBeGreaterThan(bar!.y);
    expect(box!.y + box!.height).toBeLessThan(PHONE.height);
    // Two lines at most: every line more pushes the newest records off the first screen.
    const lineHeight = await page.locator('.overall [data-reported] p').evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
    expect(box!.height).toBeLessThanOrEqual(2 * lineHeight + 16);
    await context.close();
  });
});
