/**
 * npm run import -- <plan.docx|plan.txt> [--out DIR] [--dry-run] [--tree]
 *
 * Reads an official plan (Word .docx, or text copied from a web page), and writes the site's
 * content files for it into DIR (default: this project): plan.md, duties/, areas/, measures/,
 * requirements/. Files of these folders that the new plan does not have are removed (git keeps
 * them). When the plan has anything the current content model cannot hold, it prints each thing
 * in Chinese and writes nothing. After writing into a project it runs the checker.
 *
 *   --dry-run  print what would be written and removed, write nothing
 *   --tree     print the plan's tree (every item with its numbering, id and fields) as JSON
 *
 * The work is `runImport()`, which writes its lines through a callback and returns the exit code
 * instead of exiting, so the tests drive it in their own process (a process start costs more
 * than an import); one test runs the real CLI.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { checkProject, formatReport } from '../src/checker/index.ts';
import { buildDate } from '../src/domain/dates.ts';
import { splitFrontmatter } from '../src/checker/yaml-source.ts';
import { parsePlanText, planTextFromFile, walkItems } from '../src/cli/plan-import.ts';
import { PLAN_DIRS, planContentFiles, sameEntry, type ExistingProject } from '../src/cli/plan-writer.ts';

/** Frontmatter of a Markdown file as data; undefined when it has none or does not parse. */
function frontmatter(path: string): Record<string, unknown> | undefined {
  try {
    const { yaml } = splitFrontmatter(readFileSync(path, 'utf8'));
    const data: unknown = yaml ? parse(yaml) : undefined;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const markdownIn = (out: string, dir: string) =>
  existsSync(join(out, dir)) ? readdirSync(join(out, dir)).filter((f) => f.endsWith('.md')) : [];

function readExisting(out: string): ExistingProject {
  const units = markdownIn(out, 'src/content/units').flatMap((f) => {
    const name = frontmatter(join(out, 'src/content/units', f))?.['name'];
    return typeof name === 'string' ? [{ id: f.replace(/\.md$/, ''), name }] : [];
  });
  const measures = new Map<string, Record<string, unknown>>();
  for (const f of markdownIn(out, PLAN_DIRS.measures)) {
    const data = frontmatter(join(out, PLAN_DIRS.measures, f));
    if (data) measures.set(f.replace(/\.md$/, ''), data);
  }
  const plan = frontmatter(join(out, PLAN_DIRS.plan, 'plan.md'));
  // The settings say which unit kinds and status words the site knows; a progress report's new words are added there.
  const settingsPath = ['src/content/settings/site.yaml', 'src/content/settings/site.yml'].find((f) => existsSync(join(out, f)));
  const settingsText = settingsPath ? readFileSync(join(out, settingsPath), 'utf8') : undefined;
  let settings: Record<string, unknown> = {};
  try {
    const data: unknown = settingsText ? parse(settingsText) : undefined;
    if (data && typeof data === 'object') settings = data as Record<string, unknown>;
  } catch {
    // A broken settings file is the checker's to report after the import.
  }
  return {
    units,
    measures,
    ...(plan ? { plan } : {}),
    unitKinds: Array.isArray(settings['unitKinds']) ? (settings['unitKinds'] as { name: string }[]) : undefined,
    statusLabels: Array.isArray(settings['statusLabels']) ? (settings['statusLabels'] as ExistingProject['statusLabels']) : undefined,
    settingsFile: settingsPath && settingsText !== undefined ? { path: settingsPath, text: settingsText } : undefined,
  };
}

export interface ImportIo {
  /** Where the report goes (stdout for the CLI). */
  out: (line: string) => void;
  /** Where the usage and read errors go (stderr for the CLI). */
  err: (line: string) => void;
  /** SOURCE_DATE_EPOCH fixes the date the checker checks on. */
  env: NodeJS.ProcessEnv;
}

/** Runs `npm run import` with these arguments; resolves to the exit code. */
export async function runImport(argv: string[], io: ImportIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, tree: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) {
    io.err('用法：npm run import -- <方案.docx 或 方案.txt> [--out 目录] [--dry-run] [--tree]');
    return 2;
  }
  if (!existsSync(file)) {
    io.err(`找不到文件 ${file}`);
    return 2;
  }
  const out = resolve(values.out ?? '.');

  let text: string;
  let readNotes: string[];
  try {
    ({ text, notes: readNotes } = await planTextFromFile(readFileSync(file), basename(file)));
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const plan = parsePlanText(text);
  plan.notes.unshift(...readNotes);

  if (values.tree) {
    io.out(JSON.stringify(plan, null, 2));
    return 0;
  }

  const items = walkItems(plan.items);
  io.out(`读取《${plan.title || '（无标题）'}》：${items.length} 个编号条目，最深 ${Math.max(0, ...items.map((i) => i.depth))} 层。`);

  const result = planContentFiles(plan, readExisting(out));
  if (result.unplaceable.length > 0) {
    io.out(`\n以下内容当前的内容模型无法容纳，为免网站与原文不一致，没有写入任何文件（共 ${result.unplaceable.length} 处）：`);
    for (const line of result.unplaceable) io.out(`  - ${line}`);
    for (const note of plan.notes) io.out(`  · 原文：${note}`);
    return 1;
  }

  // Files of the plan's folders that the new plan does not have: the previous plan's leftovers.
  const written = new Set(result.files.keys());
  // A file that already says the same is left alone, with the office's comments in it.
  const unchanged = [...written].filter(
    (f) => existsSync(join(out, f)) && sameEntry(readFileSync(join(out, f), 'utf8'), result.files.get(f)!),
  );
  const changed = [...written].filter((f) => !unchanged.includes(f));
  const leftovers = Object.values(PLAN_DIRS)
    .flatMap((dir) => markdownIn(out, dir).map((f) => `${dir}/${f}`))
    .filter((f) => !written.has(f));

  if (values['dry-run']) {
    io.out(`\n将写入 ${changed.length} 个文件到 ${out}（另有 ${unchanged.length} 个文件内容相同，不改动）：`);
    for (const f of changed) io.out(`  ${f}`);
    if (leftovers.length > 0) io.out(`将删除原有的 ${leftovers.length} 个文件：\n${leftovers.map((f) => `  ${f}`).join('\n')}`);
  } else {
    for (const path of changed) {
      const content = result.files.get(path)!;
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), content);
    }
    for (const f of leftovers) rmSync(join(out, f));
    io.out(
      `\n已写入 ${changed.length} 个文件到 ${out}（${unchanged.length} 个文件内容相同，未改动）${leftovers.length > 0 ? `，删除了原方案多出的 ${leftovers.length} 个文件（git 中可恢复）：${leftovers.join('、')}` : ''}。`,
    );
  }

  if (result.todo.length > 0) {
    io.out(`\n需要人工补填或留意（共 ${result.todo.length} 条）：`);
    for (const line of result.todo) io.out(`  - ${line}`);
  }

  // In a project, the checker has the last word on what was written.
  if (!values['dry-run'] && existsSync(join(out, 'src/content/settings'))) {
    const check = checkProject(out, { today: buildDate(io.env) });
    io.out(`\n${formatReport(check)}`);
    return check.errors > 0 ? 1 : 0;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runImport(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
  });
}
