/** Reading the built site in dist/ for tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { ADMIN_DIR } from '../../src/lib/admin.ts';
import { routeOf } from '../../src/lib/routes.ts';
import { listFiles, PROJECT_ROOT } from './fixtures.ts';

export const DIST = join(PROJECT_ROOT, 'dist');

/** Fails with a clear message when the site has not been built. */
export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ 不存在：请先运行 npm run build（npm test 会自动构建）');
}

/**
 * Every built HTML page, as site paths ('/', '/measures/1-1/', '/404.html'), without redirect stubs
 * and without /admin/, the office's editor, which is no reading page (its tests are
 * tests/browser/admin*.test.ts and tests/security/admin-gate.test.ts).
 */
export function htmlPages(): string[] {
  return listFiles(DIST)
    .filter(
      (f) => f.endsWith('.html') && !f.startsWith(`${ADMIN_DIR}/`) && !readFileSync(join(DIST, f), 'utf8').includes('http-equiv="refresh"'),
    )
    .map(routeOf);
}

/** The file behind a site path, or undefined. */
export function fileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [join(DIST, clean, 'index.html')] : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
}

export function readPage(path: string): HTMLElement {
  const file = fileFor(path);
  if (!file) throw new Error(`no page at ${path}`);
  return parse(readFileSync(file, 'utf8'));
}
