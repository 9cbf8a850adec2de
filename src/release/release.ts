/**
 * The steps after Astro has written the pages, in the order a release needs them: the search
 * index (Pagefind's Node API), /admin/ (kept out of the index and the sitemap), the final gate
 * over everything in dist/, and last the manifest, routes and smoke paths that deploy/deploy.sh
 * reads. Run by the `release` integration in `astro:build:done`, so `astro build` alone gives the
 * complete site; the scripts of the same names run single steps on a dist/ folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { writeAdmin } from './admin.ts';
import { decodeText } from '../domain/csv.ts';
import { scanDist, type GateHit } from './dist-gate.ts';
import { findPersonalData } from '../checker/privacy.ts';
import { answeredRoutes, routeOf, smokePaths } from './routes.ts';

/** Where the gate looks for the source of something it finds. */
const SOURCES = ['src/content', 'data', 'public', 'docs'];
const REPORT_LIMIT = 200;
const OWN = new Set(['manifest.sha256', 'routes.txt', 'smoke.txt']);

/**
 * Indexes the built pages for search. Every page is lang="zh-CN"; forcing the language keeps one
 * index even if a page ever says otherwise (zh and zh-CN pages cannot find each other).
 */
export async function indexSearch(dist: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  try {
    if (!index) throw new Error(`搜索索引建立失败：${errors.join('；')}`);
    const added = await index.addDirectory({ path: dist });
    if (added.errors.length > 0) throw new Error(`搜索索引建立失败：${added.errors.join('；')}`);
    const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`搜索索引写入失败：${written.errors.join('；')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Adds /admin/ to dist/; returns its size in bytes. */
export const addAdmin = (root: string, dist: string): number => writeAdmin(root, dist);

/** Every file under `dir`, as sorted `/`-separated paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Where each personal number stands in the sources, by its digits. */
function tracePersonalData(root: string, files: readonly string[]): Map<string, string> {
  const where = new Map<string, string>();
  for (const file of files) {
    for (const hit of findPersonalData(decodeURIComponentSafe(file)))
      if (!where.has(hit.digits)) where.set(hit.digits, `${file}（文件名）`);
    if (!/\.(md|mdx|ya?ml|csv|json|txt|html?|svg|xml)$/i.test(file)) continue;
    const text = decodeText(readFileSync(join(root, file))).text;
    for (const hit of findPersonalData(text)) {
      if (!where.has(hit.digits)) where.set(hit.digits, `${file}:${text.slice(0, hit.index).split('\n').length}`);
    }
  }
  return where;
}

/**
 * The source a built file is named after: a page `posts/<id>/index.html` comes from
 * src/content/posts/<id>.md, an asset `_astro/<name>.<hash>.<ext>` from a file named <name>.
 */
function traceEntry(file: string, files: readonly string[]): string | undefined {
  const segments = file.replace(/\/index\.html$|\.html$/, '').split('/');
  const last = decodeURIComponentSafe(segments.at(-1) ?? '');
  const id = segments[0] === '_astro' ? last.split('.')[0]! : last;
  const found = files.filter((f) => (f.startsWith('src/content/') || f.startsWith('public/')) && basename(f, extname(f)) === id);
  return found.length > 0 ? found.join('、') : undefined;
}

/**
 * The final gate: scans every file in dist/ (src/release/dist-gate.ts) for personal data and active
 * content. Returns the Chinese report lines, each naming the built file and, where it can be
 * traced, the source file an editor has to change; empty when the release may go out.
 */
export function gateReport(dist: string, root: string): string[] {
  if (!existsSync(join(dist, 'index.html'))) return [`发布前检查：${dist} 中没有构建好的网站，请先运行 astro build。`];
  const hits: GateHit[] = scanDist(dist);
  if (hits.length === 0) return [];
  const files = SOURCES.flatMap((dir) => (existsSync(join(root, dir)) ? filesUnder(join(root, dir)).map((f) => `${dir}/${f}`) : [])).sort();
  const personal = hits.some((h) => h.digits) ? tracePersonalData(root, files) : new Map<string, string>();
  const lines = hits.map((h) => {
    const source = h.digits ? personal.get(h.digits) : traceEntry(h.file, files);
    return `dist/${h.file}:${h.line}  发布前检查  ${h.message}${source ? `（来源：${source}）` : ''}`;
  });
  const shown = lines.slice(0, REPORT_LIMIT);
  if (lines.length > REPORT_LIMIT) shown.push(`……另有 ${lines.length - REPORT_LIMIT} 处未列出`);
  shown.push(
    `发布前检查未通过：dist/ 中有 ${hits.length} 处个人信息或可运行的内容，本次构建不能发布（未写入 manifest.sha256）。请按上面列出的来源文件修改后重新构建。`,
  );
  return shown;
}

/**
 * The gate as a build step: on any hit, prints the report (plain lines, each starting with its
 * dist/ path, as the checker prints its own) and ends the process. The report says everything; a
 * thrown error would add a stack trace to it. Used by the sites' and the portal's integrations.
 */
export function passGateOrExit(dist: string, root: string): void {
  const report = gateReport(dist, root);
  if (report.length === 0) return;
  process.stderr.write(`${report.join('\n')}\n`);
  process.exit(1);
}

/**
 * Writes dist/manifest.sha256 (every file's SHA-256, in `sha256sum -c` format, sorted) so a deploy
 * can verify a copied release and two builds can be compared; dist/routes.txt (every page's path
 * and every redirect's source) for the broken-link check of the next deploy, and dist/smoke.txt
 * (the paths its smoke test fetches). Plain lines, so that deploy/deploy.sh needs only bash,
 * coreutils and curl on the server.
 */
export function writeManifest(dist: string, root: string): { files: number; pages: number } {
  const redirects = JSON.parse(readFileSync(join(root, 'deploy/redirects.json'), 'utf8')) as Record<string, string>;
  return writeManifestFor(dist, redirects);
}

/** The manifest, routes and smoke paths of any built site (the county portal's has no redirects). */
export function writeManifestFor(dist: string, redirects: Record<string, string>): { files: number; pages: number } {
  const files = filesUnder(dist).filter((f) => !OWN.has(f));
  const lines = files.map(
    (f) =>
      `${createHash('sha256')
        .update(readFileSync(join(dist, f)))
        .digest('hex')}  ${f}`,
  );
  writeFileSync(join(dist, 'manifest.sha256'), `${lines.join('\n')}\n`);
  const pages = files.filter((f) => f.endsWith('.html')).map(routeOf);
  writeFileSync(join(dist, 'routes.txt'), `${answeredRoutes(pages, redirects).join('\n')}\n`);
  writeFileSync(join(dist, 'smoke.txt'), `${smokePaths(pages).join('\n')}\n`);
  return { files: files.length, pages: pages.length };
}
