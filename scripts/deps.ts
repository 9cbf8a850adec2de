/**
 * The import map of src/ and its two rules (npm run deps; CI runs it beside lint and knip):
 * no import circle, and no import running back up a layer. The layers, lowest first, are the
 * folders of src/ as the README draws them; a file may import only from its own layer or a
 * layer below it. Written here rather than taken from a dependency tool because most of the
 * project's importers are .astro files (frontmatter and <script>), which such tools do not read.
 *
 * Usage: node scripts/deps.ts [--map]   (--map prints every folder-to-folder edge with its count)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface Layer {
  name: string;
  /** Path prefixes relative to the project root (a folder ends with '/'). */
  paths: readonly string[];
  /** Why the layer sits where it does: printed with a violation. */
  why: string;
}

/** Lowest first. A layer may import from itself and from any layer listed before it. */
export const LAYERS: readonly Layer[] = [
  { name: 'schemas', paths: ['src/schemas/'], why: 'the content model and its vocabularies; imports nothing of the project' },
  { name: 'domain', paths: ['src/domain/'], why: 'pure logic over the model: no Astro, no files, no browser' },
  { name: 'markdown', paths: ['src/markdown/'], why: 'the Markdown/MDX pipeline shared by the build and the checker' },
  {
    name: 'checker',
    paths: ['src/checker/', 'src/loaders/', 'src/content.config.ts'],
    why: 'reads content from disk: the checker and the content loaders',
  },
  {
    name: 'portal-data',
    paths: ['src/portal/'],
    why: "the county portal's model: portal.yaml, members' feeds (read from disk or fetched) and the roll-up",
  },
  { name: 'data', paths: ['src/data/'], why: 'the one view-model module the components and pages read' },
  { name: 'client', paths: ['src/client/'], why: 'code that runs in the browser' },
  { name: 'components', paths: ['src/components/', 'src/layouts/'], why: 'components and the page frame' },
  { name: 'pages', paths: ['src/pages/'], why: 'routes and their page bodies' },
  { name: 'portal', paths: ['portal/src/'], why: "the county portal's own Astro site, built on the sites' components" },
  {
    name: 'release',
    paths: ['src/release/', 'src/integrations/'],
    why: 'the build steps around Astro: checker run, search index, gate, manifest',
  },
  { name: 'cli', paths: ['src/cli/'], why: 'code only the command-line tools (scripts/) and tests use' },
];

const SOURCE = /\.(ts|mjs|js|astro)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!(name === 'content' && dir.endsWith('/src'))) walk(path, out);
    } else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The script text of a file: all of it, or an .astro file's frontmatter and <script> blocks. */
function scriptText(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (extname(path) !== '.astro') return text;
  const parts: string[] = [];
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) parts.push(front[1]!);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(m[1]!);
  return parts.join('\n');
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec.replace(/[?#].*$/, ''));
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export interface ImportMap {
  /** Project-relative file → project-relative files it imports (src/ only). */
  edges: Map<string, string[]>;
}

/** The source folders read: the site's, and the county portal's (npm run portal). */
const SOURCE_DIRS = ['src', 'portal/src'];

/** Every relative import between source files under `root/src` and `root/portal/src` (content excluded). */
export function importMap(root: string): ImportMap {
  const edges = new Map<string, string[]>();
  const dirs = SOURCE_DIRS.map((d) => join(root, d)).filter((d) => existsSync(d));
  for (const file of dirs.flatMap((d) => walk(d))) {
    const info = ts.preProcessFile(scriptText(file), true, true);
    const targets = new Set<string>();
    for (const ref of info.importedFiles) {
      const target = resolveImport(file, ref.fileName);
      if (target && dirs.some((d) => target.startsWith(d + '/')) && SOURCE.test(target)) targets.add(relative(root, target));
    }
    edges.set(relative(root, file), [...targets].sort());
  }
  return { edges };
}

export function layerOf(file: string, layers: readonly Layer[] = LAYERS): number {
  return layers.findIndex((l) => l.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
}

/** Import circles, each as the list of files round it (strongly connected components of more than one file, or a self-import). */
export function circles(map: ImportMap): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of map.edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (map.edges.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of [...map.edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

export interface Problem {
  file: string;
  rule: 'no-circle' | 'no-import-up' | 'in-a-layer';
  message: string;
}

/** Every breach of the two rules (and any file outside every layer), one line each. */
export function problems(map: ImportMap, layers: readonly Layer[] = LAYERS): Problem[] {
  const out: Problem[] = [];
  for (const [file, targets] of map.edges) {
    const own = layerOf(file, layers);
    if (own < 0) {
      out.push({ file, rule: 'in-a-layer', message: `belongs to no layer: add its folder to LAYERS in scripts/deps.ts` });
      continue;
    }
    for (const target of targets) {
      const theirs = layerOf(target, layers);
      if (theirs > own) {
        out.push({
          file,
          rule: 'no-import-up',
          message: `imports ${target}: layer ${layers[own]!.name} may not import from ${layers[theirs]!.name}, a layer above it (${layers[theirs]!.name}: ${layers[theirs]!.why})`,
        });
      }
    }
  }
  for (const group of circles(map)) {
    out.push({ file: group[0]!, rule: 'no-circle', message: `import circle: ${group.join(' → ')}` });
  }
  return out;
}

/** Folder-to-folder edges (folder = the file's directory under src/, one level), with counts. */
export function folderEdges(map: ImportMap): Map<string, number> {
  const folder = (f: string) => f.split('/').slice(0, 2).join('/');
  const counts = new Map<string, number>();
  for (const [file, targets] of map.edges) {
    for (const t of targets) {
      const key = `${folder(file)} → ${folder(t)}`;
      if (folder(file) !== folder(t)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const map = importMap(root);
  if (process.argv.includes('--map')) {
    for (const [edge, n] of [...folderEdges(map)].sort()) console.log(`${String(n).padStart(4)}  ${edge}`);
  }
  const found = problems(map);
  const folders = new Set([...map.edges.keys()].map((f) => dirname(f)));
  const ups = found.filter((p) => p.rule === 'no-import-up').length;
  const rings = found.filter((p) => p.rule === 'no-circle').length;
  for (const p of found) console.error(`${p.file}  ${p.rule}  ${p.message}`);
  console.log(`import map: ${map.edges.size} files in ${folders.size} folders, ${rings} circles, ${ups} imports running back up a layer`);
  process.exit(found.length > 0 ? 1 : 0);
}
