/**
 * /admin/ in the built site: the self-hosted editor loads in Chinese, under its own CSP, with
 * no console error and no request leaving the site, using Sveltia's test-repo backend (the
 * office's backend.yml is swapped for it in the browser).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, DESKTOP } from '../helpers/browser.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('/admin/', () => {
  it('loads in Chinese with no console errors and offers the forms generated from the schemas', async () => {
    const context = await harness.browser.newContext({ locale: 'zh-CN', viewport: DESKTOP });
    const page = await context.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(harness.url) && !/^(data|blob):/.test(r.url())) foreign.push(r.url());
    });
    await page.route(
      (u) => u.pathname === '/admin/backend.yml',
      (route) => route.fulfill({ contentType: 'application/yaml', body: 'backend:\n  name: test-repo\n' }),
    );
    const response = await page.goto(`${harness.url}/admin/`);
    expect(response!.status()).toBe(200);
    await page.getByRole('button', { name: '使用测试仓库' }).click();
    await page.getByText('进展记录').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: 'screenshots/admin-collections.png' });
    // The editor's own address for a new progress record (what 进展记录 → 新建 opens).
    await page.evaluate(() => {
      location.hash = '#/collections/updates/new';
    });
    await page.getByText('记录标题，例如', { exact: false }).first().waitFor();
    await page.screenshot({ path: 'screenshots/admin-new-update.png', fullPage: true });
    // Labels, hints and options are the schema's own words.
    await expect(
      page
        .getByText(/创建.{0,3}进展记录/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    for (const option of ['未启动', '推进中', '已完成', '长期坚持'])
      expect(await page.getByText(option, { exact: true }).count()).toBeGreaterThan(0);
    await expect(
      page
        .getByRole('button', { name: /添加.{0,3}整改措施/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
