/**
 * The final gate shared out among worker threads (src/release/gate-pool.ts) must find exactly
 * what the gate finds in one thread, in the same order, whatever the batches; and a worker that
 * cannot scan must fail the gate, never pass it. The release runs the pool beside Pagefind, so
 * what a later step rewrites must be read again. (Whether the first scan reads the old file
 * before it is rewritten depends on timing, so the last test checks the outcome, not the race.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileDigest, listDist, scanFiles } from '../../src/release/dist-gate.ts';
import { scanInWorkers } from '../../src/release/gate-pool.ts';
import { ADMIN_DIR, ADMIN_PAGE } from '../../src/release/admin.ts';
import { runRelease } from '../../src/release/release.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const dist = mkdtempSync(join(tmpdir(), 'gate-pool-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;
// More files than one batch holds, with hits spread over several batches and kinds of file.
for (let i = 0; i < 530; i += 1) {
  const dir = join(dist, 'p', String(i));
  mkdirSync(dir, { recursive: true });
  const body =
    i % 97 === 5
      ? '<p>联系 13812345678</p>'
      : i % 131 === 7
        ? '<a href="javascript:alert(1)">x</a><img src="a.png" onerror="x()">'
        : `<p>第 ${i} 页</p>`;
  writeFileSync(join(dir, 'index.html'), page(body));
}
writeFileSync(join(dist, 'feed.xml'), '<rss><item><description>&lt;script&gt;x&lt;/script&gt;</description></item></rss>');

describe('scanInWorkers', () => {
  const { files } = listDist(dist);

  it('finds what the gate finds in one thread, in the same order', async () => {
    const alone = scanFiles(dist, files);
    expect(alone.length).toBeGreaterThanOrEqual(10);
    expect(new Set(alone.map((h) => h.file)).size).toBeGreaterThanOrEqual(8);
    expect((await scanInWorkers(dist, files, 3)).hits).toEqual(alone);
    expect((await scanInWorkers(dist, files, 1)).hits).toEqual(alone);
  });

  it("gives every file's SHA-256 for the manifest", async () => {
    const { digests } = await scanInWorkers(dist, files, 2);
    expect([...digests.keys()]).toEqual(files);
    expect(files.filter((file) => digests.get(file) !== fileDigest(dist, file))).toEqual([]);
  });

  it('finds nothing in nothing', async () => {
    expect(await scanInWorkers(dist, [])).toEqual({ hits: [], digests: new Map() });
  });

  it('fails when a worker cannot read its files', async () => {
    await expect(scanInWorkers(dist, [...files.slice(0, 300), 'p/missing/index.html'], 2)).rejects.toThrow(/ENOENT|missing/);
  });
});

describe('runRelease', () => {
  it('gates and hashes every file as it is at the end, also one a later step rewrote', async () => {
    const site = mkdtempSync(join(tmpdir(), 'release-'));
    try {
      writeFileSync(join(site, 'index.html'), page('<main data-pagefind-body><h1>首页</h1><p>整改进展</p></main>'));
      // Left by an earlier build step at /admin/'s address; the release writes the real editor page over it.
      mkdirSync(join(site, ADMIN_DIR));
      writeFileSync(join(site, ADMIN_PAGE), page('<p>联系 13812345678</p>'));
      const log: string[] = [];
      await runRelease(site, { root: PROJECT_ROOT, redirects: {}, admin: true, log: (m) => log.push(m) });
      expect(log.join('\n')).toContain('发布前检查通过');
      const manifest = readFileSync(join(site, 'manifest.sha256'), 'utf8');
      expect(manifest).toContain(`${fileDigest(site, ADMIN_PAGE)}  ${ADMIN_PAGE}`);
      expect(readFileSync(join(site, ADMIN_PAGE), 'utf8')).not.toContain('13812345678');
      expect(manifest).toMatch(/ pagefind\/pagefind-entry\.json$/m);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
