/**
 * Drives /admin/ with Sveltia's test-repo backend, whose "repository" is a folder in the
 * browser's origin-private file system: seeded here with a project's content, read back after
 * the forms have saved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { listFiles } from './fixtures.ts';

/** The folder Sveltia's test-repo backend keeps its files in. */
const TEST_REPO_DIR = 'sveltia-cms-test';

/** Opens /admin/ on the test-repo backend with `root`'s src/content as the repository. */
export async function openTestRepo(page: Page, base: string, root: string): Promise<void> {
  await page.route(
    (u) => u.pathname === '/admin/backend.yml',
    (route) => route.fulfill({ contentType: 'application/yaml', body: 'backend:\n  name: test-repo\n' }),
  );
  await page.goto(`${base}/admin/`);
  const files = listFiles(join(root, 'src/content')).map((f) => ({
    path: `src/content/${f}`,
    data: readFileSync(join(root, 'src/content', f)).toString('base64'),
  }));
  await page.evaluate(
    async ({ dir, files }) => {
      const top = await (await navigator.storage.getDirectory()).getDirectoryHandle(dir, { create: true });
      for (const { path, data } of files) {
        const parts = path.split('/');
        let d = top;
        for (const p of parts.slice(0, -1)) d = await d.getDirectoryHandle(p, { create: true });
        const w = await (await d.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await w.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
        await w.close();
      }
    },
    { dir: TEST_REPO_DIR, files },
  );
  await page.getByRole('button', { name: '使用测试仓库' }).click();
  await page.getByText('进展记录').first().waitFor({ timeout: 30_000 });
}

/** Every file of the test repository under src/content, as bytes by path. */
export async function readTestRepo(page: Page): Promise<Map<string, Buffer>> {
  const entries: [string, string][] = await page.evaluate(async (dir) => {
    const out: [string, string][] = [];
    const walk = async (d: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of d.entries()) {
        if (handle.kind === 'directory') await walk(handle, `${prefix}${name}/`);
        else {
          const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
          let s = '';
          for (const b of bytes) s += String.fromCharCode(b);
          out.push([`${prefix}${name}`, btoa(s)]);
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(dir), '');
    return out;
  }, TEST_REPO_DIR);
  return new Map(entries.map(([p, d]) => [p, Buffer.from(d, 'base64')]));
}
