/**
 * The last check of `npm run build`, before the manifest is written: scans every file in dist/
 * (src/lib/dist-gate.ts) and fails the build on any personal data or active content, naming the
 * built file and, where it can be traced, the source file an editor has to change. Without a
 * manifest, deploy/deploy.sh refuses the release, so a failed gate cannot be published by accident.
 *
 *   node scripts/dist-gate.ts [dist] [project root]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { decodeText } from '../src/lib/csv.ts';
import { scanDist, type GateHit } from '../src/lib/dist-gate.ts';
import { findPersonalData } from '../src/lib/privacy.ts';

const DIST = resolve(process.argv[2] ?? 'dist');
const ROOT = resolve(process.argv[3] ?? '.');
const SOURCES = ['src/content', 'data', 'public', 'docs'];
const REPORT_LIMIT = 200;

function sourceFiles(): string[] {
  const out: string[] = [];
  for (const dir of SOURCES) {
    try {
      for (const e of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
        if (e.isFile()) out.push(relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
      }
    } catch {
      // a missing folder has nothing to trace
    }
  }
  return out.sort();
}

/** Where each personal number stands in the sources, by its digits. */
function tracePersonalData(files: readonly string[]): Map<string, string> {
  const where = new Map<string, string>();
  for (const file of files) {
    for (const hit of findPersonalData(decodeURIComponentSafe(file)))
      if (!where.has(hit.digits)) where.set(hit.digits, `${file}（文件名）`);
    if (!/\.(md|mdx|ya?ml|csv|json|txt|html?|svg|xml)$/i.test(file)) continue;
    const text = decodeText(readFileSync(join(ROOT, file))).text;
    for (const hit of findPersonalData(text)) {
      if (!where.has(hit.digits)) where.set(hit.digits, `${file}:${text.slice(0, hit.index).split('\n').length}`);
    }
  }
  return where;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
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

if (!existsSync(join(DIST, 'index.html'))) {
  process.stderr.write(`发布前检查：${DIST} 中没有构建好的网站，请先运行 astro build。\n`);
  process.exit(1);
}
const hits: GateHit[] = scanDist(DIST);
if (hits.length === 0) {
  console.log('发布前检查通过：dist/ 中没有个人信息和可运行的内容。');
} else {
  const files = sourceFiles();
  const personal = hits.some((h) => h.digits) ? tracePersonalData(files) : new Map<string, string>();
  const lines = hits.map((h) => {
    const source = h.digits ? personal.get(h.digits) : traceEntry(h.file, files);
    return `dist/${h.file}:${h.line}  发布前检查  ${h.message}${source ? `（来源：${source}）` : ''}`;
  });
  const shown = lines.slice(0, REPORT_LIMIT);
  if (lines.length > REPORT_LIMIT) shown.push(`……另有 ${lines.length - REPORT_LIMIT} 处未列出`);
  process.stderr.write(`${shown.join('\n')}\n`);
  process.stderr.write(
    `发布前检查未通过：dist/ 中有 ${hits.length} 处个人信息或可运行的内容，本次构建不能发布（未写入 manifest.sha256）。请按上面列出的来源文件修改后重新构建。\n`,
  );
  process.exitCode = 1;
}
