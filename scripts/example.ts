/**
 * npm run example -- <name> [--out DIR] [--no-build]
 *
 * Builds the site of an example plan (examples/<name>/): a copy of this project whose content is
 * only the example's settings (site.yaml), the import of its plan (方案.txt or 方案.docx) and, after
 * it, the files under examples/<name>/content/ (what an office adds by hand: progress records). Nothing of the shipped content is kept but the
 * display-screen presets, so the example shows what a new organisation gets from its own plan
 * with no code change. Prints how long the import and the build took.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { entryCollections, tableCollections } from '../src/schemas/collections.ts';
import { copyProject } from './copy-project.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLES = join(ROOT, 'examples');

/** The examples: every folder of examples/ with a plan in it. */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && planOf(d.name) !== undefined)
    .map((d) => d.name)
    .sort();
}

function planOf(name: string): string | undefined {
  return ['方案.docx', '方案.txt'].map((f) => join(EXAMPLES, name, f)).find((f) => existsSync(f));
}

export interface ExampleRun {
  out: string;
  importSeconds: number;
  buildSeconds?: number;
  /** The import's and the build's output, for a failure message. */
  log: string;
}

/**
 * Makes the example's project in `out` and, unless `build` is false, builds it. Throws, in
 * Chinese, when the import or the build fails.
 */
export function buildExample(name: string, out: string, { build = true } = {}): ExampleRun {
  const plan = planOf(name);
  if (!plan) throw new Error(`examples/${name}/ 中没有 方案.txt 或 方案.docx`);
  copyProject(ROOT, out);
  // Only the device presets stay: every other collection and table starts empty.
  for (const spec of Object.values(entryCollections)) {
    if (spec.name === 'screens') continue;
    rmSync(join(out, spec.dir), { recursive: true, force: true });
    mkdirSync(join(out, spec.dir), { recursive: true });
  }
  rmSync(join(out, 'data'), { recursive: true, force: true });
  mkdirSync(join(out, dirname(tableCollections.metrics.path)), { recursive: true });
  writeFileSync(join(out, tableCollections.metrics.path), 'id,name,unit,period,target,measure,description\n');
  cpSync(join(EXAMPLES, name, 'site.yaml'), join(out, entryCollections.settings.dir, 'site.yaml'));

  const run = (args: string[], cwd: string) => {
    const started = performance.now();
    const r = spawnSync(args[0]!, args.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    return { code: r.status, log: `${r.stdout}${r.stderr}`, seconds: (performance.now() - started) / 1000 };
  };
  const imported = run([process.execPath, join(out, 'scripts/import.ts'), plan, '--out', out], out);
  if (imported.code !== 0) throw new Error(`示例 ${name} 导入或检查没有通过：\n${imported.log}`);
  // What the office adds after the import (progress records and the like), under src/content/.
  if (existsSync(join(EXAMPLES, name, 'content'))) cpSync(join(EXAMPLES, name, 'content'), join(out, 'src/content'), { recursive: true });
  const result: ExampleRun = { out, importSeconds: imported.seconds, log: imported.log };
  if (!build) return result;
  const built = run(['npm', 'run', 'build', '--silent'], out);
  result.log += built.log;
  if (built.code !== 0) throw new Error(`示例 ${name} 构建失败：\n${built.log}`);
  result.buildSeconds = built.seconds;
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, 'no-build': { type: 'boolean' } },
  });
  const names = positionals.length > 0 ? positionals : exampleNames();
  for (const name of names) {
    if (!planOf(name)) {
      console.error(`没有示例 ${name}。可用的示例：${exampleNames().join('、')}`);
      process.exit(2);
    }
    const out = values.out ? resolve(values.out, names.length > 1 ? name : '') : mkdtempSync(join(tmpdir(), `example-${name}-`));
    try {
      const r = buildExample(name, out, { build: !values['no-build'] });
      const items = readdirSync(join(out, entryCollections.measures.dir)).length;
      console.log(
        `示例 ${name}：${items} 个条目；导入 ${r.importSeconds.toFixed(1)} 秒${r.buildSeconds === undefined ? '' : `，构建 ${r.buildSeconds.toFixed(1)} 秒，网站在 ${join(out, 'dist')}`}`,
      );
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    }
  }
}
