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
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { checkProject, formatReport } from '../src/checker/index.ts';
import { splitFrontmatter } from '../src/checker/yaml-source.ts';
import { parsePlanText, planTextFromFile, walkItems } from '../src/cli/plan-import.ts';
import { PLAN_DIRS, planContentFiles, sameEntry, type ExistingProject } from '../src/cli/plan-writer.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, tree: { type: 'boolean' } },
});

const file = positionals[0];
if (!file) {
  console.error('用法：npm run import -- <方案.docx 或 方案.txt> [--out 目录] [--dry-run] [--tree]');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`找不到文件 ${file}`);
  process.exit(2);
}
const out = resolve(values.out ?? '.');

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

const markdownIn = (dir: string) => (existsSync(join(out, dir)) ? readdirSync(join(out, dir)).filter((f) => f.endsWith('.md')) : []);

function readExisting(): ExistingProject {
  const units = markdownIn('src/content/units').flatMap((f) => {
    const name = frontmatter(join(out, 'src/content/units', f))?.['name'];
    return typeof name === 'string' ? [{ id: f.replace(/\.md$/, ''), name }] : [];
  });
  const measures = new Map<string, Record<string, unknown>>();
  for (const f of markdownIn(PLAN_DIRS.measures)) {
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

let text: string;
let readNotes: string[];
try {
  ({ text, notes: readNotes } = await planTextFromFile(readFileSync(file), basename(file)));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const plan = parsePlanText(text);
plan.notes.unshift(...readNotes);

if (values.tree) {
  console.log(JSON.stringify(plan, null, 2));
  process.exit(0);
}

const items = walkItems(plan.items);
console.log(`读取《${plan.title || '（无标题）'}》：${items.length} 个编号条目，最深 ${Math.max(0, ...items.map((i) => i.depth))} 层。`);

const result = planContentFiles(plan, readExisting());
if (result.unplaceable.length > 0) {
  console.log(`\n以下内容当前的内容模型无法容纳，为免网站与原文不一致，没有写入任何文件（共 ${result.unplaceable.length} 处）：`);
  for (const line of result.unplaceable) console.log(`  - ${line}`);
  for (const note of plan.notes) console.log(`  · 原文：${note}`);
  process.exit(1);
}

// Files of the plan's folders that the new plan does not have: the previous plan's leftovers.
const written = new Set(result.files.keys());
// A file that already says the same is left alone, with the office's comments in it.
const unchanged = [...written].filter(
  (f) => existsSync(join(out, f)) && sameEntry(readFileSync(join(out, f), 'utf8'), result.files.get(f)!),
);
const changed = [...written].filter((f) => !unchanged.includes(f));
const leftovers = Object.values(PLAN_DIRS)
  .flatMap((dir) => markdownIn(dir).map((f) => `${dir}/${f}`))
  .filter((f) => !written.has(f));

if (values['dry-run']) {
  console.log(`\n将写入 ${changed.length} 个文件到 ${out}（另有 ${unchanged.length} 个文件内容相同，不改动）：`);
  for (const f of changed) console.log(`  ${f}`);
  if (leftovers.length > 0) console.log(`将删除原有的 ${leftovers.length} 个文件：\n${leftovers.map((f) => `  ${f}`).join('\n')}`);
} else {
  for (const path of changed) {
    const content = result.files.get(path)!;
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  for (const f of leftovers) rmSync(join(out, f));
  console.log(
    `\n已写入 ${changed.length} 个文件到 ${out}（${unchanged.length} 个文件内容相同，未改动）${leftovers.length > 0 ? `，删除了原方案多出的 ${leftovers.length} 个文件（git 中可恢复）：${leftovers.join('、')}` : ''}。`,
  );
}

if (result.todo.length > 0) {
  console.log(`\n需要人工补填或留意（共 ${result.todo.length} 条）：`);
  for (const line of result.todo) console.log(`  - ${line}`);
}

// In a project, the checker has the last word on what was written.
if (!values['dry-run'] && existsSync(join(out, 'src/content/settings'))) {
  const check = checkProject(out);
  console.log(`\n${formatReport(check)}`);
  process.exitCode = check.errors > 0 ? 1 : 0;
}
