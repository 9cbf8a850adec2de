/** Reading the built site in dist/ for tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { ADMIN_DIR } from '../../src/release/admin.ts';
import { routeOf } from '../../src/release/routes.ts';
import { listFiles, PROJECT_ROOT } from './fixtures.ts';

export const DIST = join(PROJECT_ROOT, 'dist');

/** Fails with a clear message when the site has not been built. */
export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ 不存在：请先运行 npm run build（npm test 会自动构建）');
}

/** Reading one built site: dist/, or an example's or fixture's build folder. */
export function distReader(root: string) {
  /**
   * Every built HTML page, as site paths ('/', '/measures/1-1/', '/404.html'), without redirect stubs
   * and without /admin/, the office's editor, which is no reading page (its tests are
   * tests/browser/admin*.test.ts and tests/security/admin-gate.test.ts).
   */
  const htmlPages = (): string[] =>
    listFiles(root)
      .filter(
        (f) =>
          f.endsWith('.html') && !f.startsWith(`${ADMIN_DIR}/`) && !readFileSync(join(root, f), 'utf8').includes('http-equiv="refresh"'),
      )
      .map(routeOf);
  /** The file behind a site path, or undefined. */
  const fileFor = (path: string): string | undefined => {
    const clean = decodeURIComponent(path.split('#')[0]!.split('?')[0]!);
    const candidates = clean.endsWith('/') ? [join(root, clean, 'index.html')] : [join(root, clean), join(root, clean, 'index.html')];
    return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
  };
  const readPage = (path: string): HTMLElement => {
    const file = fileFor(path);
    if (!file) throw new Error(`no page at ${path}`);
    return parse(readFileSync(file, 'utf8'));
  };
  /** Internal links and #anchors that lead nowhere, and how many links were followed. */
  const brokenLinks = (): { broken: string[]; checked: number } => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) {
        const doc = parse(readFileSync(file, 'utf8'));
        ids.set(file, new Set(doc.querySelectorAll('[id]').map((e) => e.getAttribute('id')!)));
      }
      return ids.get(file)!;
    };
    let checked = 0;
    for (const path of htmlPages()) {
      for (const a of readPage(path).querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^(https?:|mailto:|tel:)/.test(href)) continue;
        const target = new URL(href, `http://site${path}`);
        const file = fileFor(target.pathname);
        checked += 1;
        if (!file) broken.push(`${path} → ${href}`);
        else if (target.hash && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(target.hash.slice(1))))
          broken.push(`${path} → ${href} (no anchor)`);
      }
    }
    return { broken, checked };
  };
  return { htmlPages, fileFor, readPage, brokenLinks };
}

export const { htmlPages, fileFor, readPage, brokenLinks } = distReader(DIST);
