/**
 * The steps after Astro has written the pages, in the order a release needs them: the search
 * index (Pagefind's Node API), /admin/ (kept out of the index and the sitemap), the final gate
 * over everything in dist/, and last the manifest, routes and smoke paths that deploy/deploy.sh
 * reads. Run by the `release` integration in `astro:build:done`, so `astro build` alone gives the
 * complete site; the scripts of the same names run single steps on a dist/ folder.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { writeAdmin } from './admin.ts';
import { decodeText } from '../domain/csv.ts';
import { fileDigest, linkHits, listDist, scanDist, type GateHit } from './dist-gate.ts';
import { scanInWorkers } from './gate-pool.ts';
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
  return reportHits(scanDist(dist), root);
}

/** The report on the gate's hits: one line per hit with its source where it can be traced, then the verdict. */
export function reportHits(hits: readonly GateHit[], root: string): string[] {
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

/** What a release adds to the pages Astro wrote, and what the sites and the county portal differ in. */
export interface ReleaseOptions {
  /** The project's root, where the gate traces what it finds to a source file. */
  root: string;
  /** Old addresses that still answer (routes.txt). */
  redirects: Record<string, string>;
  /** Whether to add /admin/, after the search index so it stays out of it (the sites have it, the portal has not). */
  admin: boolean;
  log: (message: string) => void;
}

/**
 * The release steps after Astro has written the pages: the search index, /admin/, the final gate,
 * the manifest. The gate scans the pages in worker threads while Pagefind (its own process)
 * indexes them, then the files those two steps added; a hit prints the report and stops the
 * process (passGateOrExit) before the manifest is written.
 */
export async function runRelease(dist: string, options: ReleaseOptions): Promise<void> {
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} 秒`;
  // A second early: a file written just before (or while) the first scan read it is read again.
  const listedAt = Date.now() - 1000;
  const pages = listDist(dist);
  const scanning = scanInWorkers(dist, pages.files);
  // Awaited below in any case: a failed index must not leave the scan's failure unhandled.
  scanning.catch(() => undefined);
  const indexed = await indexSearch(dist);
  options.log(`搜索索引：${indexed} 个页面（${seconds()}）`);
  if (options.admin) {
    const bytes = writeAdmin(options.root, dist);
    options.log(`已加入内容编辑页 /admin/（${(bytes / 1024).toFixed(0)} KB，只在该地址下载，其他页面不受影响）`);
  }
  const scanned = new Set(pages.files);
  const after = listDist(dist);
  const first = await scanning;
  // Then what indexing and /admin/ added, and anything they rewrote after the first scan read it.
  const changed = (f: string) => !scanned.has(f) || statSync(join(dist, f)).mtimeMs >= listedAt;
  const added = await scanInWorkers(dist, after.files.filter(changed));
  const hits = [...linkHits(after.links), ...first.hits.filter((h) => !added.digests.has(h.file)), ...added.hits];
  passGateOrExit(hits, options.root);
  options.log(`发布前检查通过：dist/ 中没有个人信息和可运行的内容（${seconds()}）。`);
  const manifest = writeManifestFor(dist, options.redirects, new Map([...first.digests, ...added.digests]));
  options.log(`manifest: ${manifest.files} files, ${manifest.pages} pages`);
}

/**
 * The gate as a build step: on any hit, prints the report (plain lines, each starting with its
 * dist/ path, as the checker prints its own) and ends the process. The report says everything; a
 * thrown error would add a stack trace to it.
 */
function passGateOrExit(hits: readonly GateHit[], root: string): void {
  const report = reportHits(hits, root);
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
export const writeManifest = (dist: string, root: string): { files: number; pages: number } => writeManifestFor(dist, siteRedirects(root));

/** A site's old addresses that still answer (deploy/redirects.json). */
export const siteRedirects = (root: string): Record<string, string> =>
  JSON.parse(readFileSync(join(root, 'deploy/redirects.json'), 'utf8')) as Record<string, string>;

/** The manifest, routes and smoke paths of any built site (the county portal's has no redirects). */
export function writeManifestFor(
  dist: string,
  redirects: Record<string, string>,
  /** Digests already computed (by the gate's workers, which read every file), by dist-relative path. */
  known: ReadonlyMap<string, string> = new Map(),
): { files: number; pages: number } {
  const files = filesUnder(dist).filter((f) => !OWN.has(f));
  const lines = files.map((f) => `${known.get(f) ?? fileDigest(dist, f)}  ${f}`);
  writeFileSync(join(dist, 'manifest.sha256'), `${lines.join('\n')}\n`);
  const pages = files.filter((f) => f.endsWith('.html')).map(routeOf);
  writeFileSync(join(dist, 'routes.txt'), `${answeredRoutes(pages, redirects).join('\n')}\n`);
  writeFileSync(join(dist, 'smoke.txt'), `${smokePaths(pages).join('\n')}\n`);
  return { files: files.length, pages: pages.length };
}
