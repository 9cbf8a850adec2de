/**
 * What the forms write, the checker accepts and the build shows: in Chromium, with Sveltia's
 * test-repo backend seeded with the valid fixture corpus, create a progress record, a post with
 * an image and a notice through /admin/, take the files it wrote, put them in a copy of the
 * project, check (zero errors) and build it (their pages exist).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/copy-project.ts';
import { checkProject, formatIssue } from '../../src/checker/index.ts';
import { toCalendarDate } from '../../src/schemas/vocabulary.ts';
import { openTestRepo, readTestRepo } from '../helpers/admin.ts';
import { DESKTOP, startHarness, type Harness } from '../helpers/browser.ts';
import { FIXTURE_TODAY, PROJECT_ROOT, VALID_FIXTURE } from '../helpers/fixtures.ts';

let harness: Harness;
const copy = mkdtempSync(join(tmpdir(), 'admin-roundtrip-'));
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
  rmSync(copy, { recursive: true, force: true });
});

describe('forms → files → checker → build', () => {
  it('creates a progress record, a post with an image and a notice that pass the checker and get pages', async () => {
    const context = await harness.browser.newContext({ locale: 'zh-CN', viewport: DESKTOP });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openTestRepo(page, harness.url, VALID_FIXTURE);
    const before = await readTestRepo(page);
    const open = async (collection: string, hint: string) => {
      await page.evaluate((c) => {
        location.hash = `#/collections/${c}/new`;
      }, collection);
      await page.getByText(hint, { exact: false }).first().waitFor();
    };
    const save = async () => {
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('条目已保存', { exact: false }).first().waitFor();
      // Back to the list, as an editor would after saving.
      await page
        .getByText('条目已保存', { exact: false })
        .first()
        .waitFor({ state: 'hidden', timeout: 15_000 })
        .catch(() => {});
    };

    // A progress record: title, date, one measure, one unit, new status, save.
    await open('updates', '记录标题，例如');
    await page.getByRole('textbox', { name: /^记录标题/ }).fill('表单新建的进展记录');
    await page.locator('input[type=date]').first().fill('2026-11-20');
    await page.getByRole('checkbox', { name: /^1-1/ }).first().check();
    await page
      .getByRole('checkbox', { name: /^x-cun/ })
      .first()
      .check();
    await page.getByRole('radio', { name: '推进中' }).check();
    await save();

    // A post with a cover image.
    await open('posts', '文章标题，例如');
    await page.getByRole('textbox', { name: /^文章标题/ }).fill('表单新建的宣传文章');
    await page.locator('input[type=date]').first().fill('2026-11-21');
    await page
      .getByRole('radio', { name: /^yishu/ })
      .first()
      .check();
    await page.getByRole('textbox', { name: /^摘要/ }).fill('表单新建文章的摘要。');
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: 'form-cover.jpg',
        mimeType: 'image/jpeg',
        buffer: readFileSync(join(VALID_FIXTURE, 'src/content/posts/cover.jpg')),
      });
    // The checker wants a text for every picture (readers with screen readers, failed loads).
    await page.getByRole('textbox', { name: /封面图片的文字说明/ }).fill('党员在宣传栏前学习');
    await page.screenshot({ path: 'screenshots/admin-post-image.png' });
    await save();

    // A notice shown for four days.
    await open('notices', '通知标题，例如');
    await page.getByRole('textbox', { name: /^通知标题/ }).fill('表单新建的通知');
    await page.getByLabel(/^开始时间/).fill('2026-11-26T08:00');
    await page.getByLabel(/^结束时间/).fill('2026-11-30T18:00');
    await save();

    const after = await readTestRepo(page);
    await page.screenshot({ path: 'screenshots/admin-roundtrip.png', fullPage: true });
    await context.close();
    expect(errors).toEqual([]);

    const written = [...after.keys()].filter((p) => !before.has(p));
    const byFolder = (dir: string) => written.filter((p) => p.startsWith(`src/content/${dir}/`));
    expect(byFolder('updates')).toHaveLength(1);
    expect(byFolder('notices')).toHaveLength(1);
    // The post and its image, beside it, where the checker looks for ./文件名.
    expect(byFolder('posts').sort()).toEqual([expect.stringMatching(/\.md$/), 'src/content/posts/form-cover.jpg'].sort());

    copyProject(PROJECT_ROOT, copy);
    for (const part of ['src/content', 'data']) {
      rmSync(join(copy, part), { recursive: true, force: true });
      cpSync(join(VALID_FIXTURE, part), join(copy, part), { recursive: true });
    }
    for (const path of written) {
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      writeFileSync(join(copy, path), after.get(path)!);
    }
    const result = checkProject(copy, { today: toCalendarDate(FIXTURE_TODAY)! });
    expect(result.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    const post = after.get(byFolder('posts').find((p) => p.endsWith('.md'))!)!.toString('utf8');
    expect(post).toMatch(/^cover: \.\/form-cover\.jpg$/m);

    const env: Record<string, string | undefined> = { ...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26, 4) / 1000) };
    delete env['SITE_URL'];
    const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: copy, encoding: 'utf8', env });
    expect(build.status, (build.stdout + build.stderr).slice(-2000)).toBe(0);
    const id = (p: string) =>
      p
        .split('/')
        .pop()!
        .replace(/\.mdx?$/, '');
    for (const [dir, title] of [
      ['updates', '表单新建的进展记录'],
      ['posts', '表单新建的宣传文章'],
      ['notices', '表单新建的通知'],
    ] as const) {
      const file = join(copy, 'dist', dir, id(byFolder(dir).find((p) => /\.mdx?$/.test(p))!), 'index.html');
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(title);
    }
  });
});
