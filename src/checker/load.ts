/**
 * Loads every entry and table through the same schemas Astro uses, turning each problem into
 * an issue with file, line and field. Nothing stops at the first error.
 */
import { IMAGE_EXTENSIONS } from '../domain/image-type.ts';
import { referencesIn, type FoundReference } from '../schemas/references.ts';
import { z } from 'astro/zod';
import { CsvSyntaxError, filledCells, neutraliseFormula, parseCsv } from '../domain/csv.ts';
import { entryCollections, entryId, tableCollections, type EntryCollectionSpec, type TableCollectionSpec } from '../schemas/collections.ts';
import { CSV_ALIASES } from '../schemas/index.ts';
import { imageFile } from '../schemas/fields.ts';
import { scanBody, type BodyImage, type BodyReference } from './body.ts';
import type { ProjectFiles } from './files.ts';
import { fieldName, type IssueList } from './issues.ts';
import { readText } from './text.ts';
import { parseYamlSource, splitFrontmatter } from './yaml-source.ts';

/** An entry that passed its schema. */
export interface LoadedEntry<T = Record<string, unknown>> {
  id: string;
  file: string;
  data: T;
  lineOf: (path: readonly PropertyKey[]) => number;
  references: BodyReference[];
  /** Images the body shows, with their lines. */
  images: BodyImage[];
}

/** A reference field of an entry (declared on the schema), whether or not the entry passed its schema. */
export interface FieldReference extends FoundReference {
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number;
}

/** A table row that passed its schema. */
export interface LoadedRow<T = Record<string, unknown>> {
  file: string;
  line: number;
  data: T;
  /** The row's filled cells as read, before the schema: what Astro's loader hands to its own parse. */
  cells: Record<string, string>;
}

/** Files that may sit beside entries (a post's cover image) and are not entries themselves. */
const ASSET_EXTENSIONS = new Set(IMAGE_EXTENSIONS);

function reportSchemaErrors(issues: IssueList, file: string, error: z.ZodError, lineOf: (path: readonly PropertyKey[]) => number) {
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        issues.error(file, lineOf(path), fieldName(path), issue.message);
      }
    } else {
      issues.error(file, lineOf(issue.path), fieldName(issue.path) || '（整个文件）', issue.message);
    }
  }
}

/**
 * Loads one collection of Markdown/MDX/YAML entries. `ids` holds every entry's id, valid or not:
 * an entry with a bad field still exists, so references to it are not reported a second time.
 */
export function loadEntries(
  files: ProjectFiles,
  spec: EntryCollectionSpec,
  issues: IssueList,
): { entries: LoadedEntry[]; ids: Set<string>; references: FieldReference[] } {
  const schema = spec.schema({ image: imageFile });
  const byId = new Map<string, string>();
  const entries: LoadedEntry[] = [];
  const fieldRefs: FieldReference[] = [];
  const loadOne = (file: string): void => {
    const relative = file.slice(spec.dir.length + 1);
    const extension = file.split('.').pop()?.toLowerCase() ?? '';
    if (ASSET_EXTENSIONS.has(extension)) return;
    if (extension === 'svg') {
      issues.error(file, 1, '文件类型', 'SVG 图片里可以藏脚本，网站不接受：请另存为 .png 或 .jpg');
      return;
    }
    if (!(spec.extensions as readonly string[]).includes(extension)) {
      issues.error(file, 1, '文件类型', `“${spec.label}”文件夹只接受 ${spec.extensions.map((e) => `.${e}`).join('、')} 文件`);
      return;
    }
    const id = entryId(relative);
    const other = byId.get(id);
    if (other) {
      issues.error(file, 1, '文件名', `编号 ${id} 与 ${other} 重复：同一栏目中每个文件名（不含扩展名）只能用一次`);
      return;
    }
    byId.set(id, file);

    const source = readText(files, file, issues, 'entry');
    if (source === undefined) return;
    let yamlText: string | undefined;
    let firstLine = 1;
    let body: string | undefined;
    if (extension === 'yaml') {
      yamlText = source;
    } else {
      if (/^\uFEFF?\+\+\+/.test(source)) {
        issues.error(file, 1, '字段区', '字段区请用 YAML 格式，以 --- 开始、以 --- 结束（不支持 +++）');
        return;
      }
      const split = splitFrontmatter(source);
      if (split.yaml === undefined) {
        const hint = /^\uFEFF?[ \t]+---/.test(source) ? '第一行的 --- 前面不能有空格' : '第一行写 ---，接着写字段，再以一行 --- 结束';
        issues.error(file, 1, '字段区', `文件开头缺少字段区：${hint}`);
        return;
      }
      yamlText = split.yaml;
      firstLine = split.yamlFirstLine;
      body = split.body;
    }

    const yaml = parseYamlSource(yamlText, firstLine);
    for (const p of yaml.problems) issues.error(file, p.line, 'YAML', p.message);

    let references: BodyReference[] = [];
    let images: BodyImage[] = [];
    if (body !== undefined) {
      const scan = scanBody(body, extension === 'mdx' ? 'mdx' : 'md');
      for (const p of scan.problems) issues.error(file, p.line, '正文', p.message);
      references = scan.references;
      images = scan.images;
    }
    if (yaml.problems.length > 0) return;

    // References are read off the raw data, so they are checked even when another field fails.
    for (const r of referencesIn(schema, yaml.data)) fieldRefs.push({ ...r, file, lineOf: yaml.lineOf });
    const parsed = schema.safeParse(yaml.data ?? {});
    if (!parsed.success) {
      reportSchemaErrors(issues, file, parsed.error, yaml.lineOf);
      return;
    }
    entries.push({ id, file, data: parsed.data as Record<string, unknown>, lineOf: yaml.lineOf, references, images });
  };
  for (const file of files.list(spec.dir)) {
    try {
      loadOne(file);
    } catch (error) {
      // Whatever the content, the editor gets a line, never a stack trace.
      issues.error(
        file,
        1,
        '文件',
        `检查这个文件时出错（${error instanceof Error ? error.message : String(error)}）：请检查文件内容，或把这一行转给网站维护人员`,
      );
    }
  }
  return { entries, ids: new Set(byId.keys()), references: fieldRefs };
}

/** Loads a CSV table (one file, or every `.csv` in a folder) row by row. */
export function loadTable(files: ProjectFiles, spec: TableCollectionSpec, issues: IssueList): LoadedRow[] {
  const paths = spec.path.endsWith('.csv') ? (files.exists(spec.path) ? [spec.path] : []) : files.list(spec.path);
  if (spec.path.endsWith('.csv') && paths.length === 0) {
    issues.error(spec.path, 1, '文件', `缺少${spec.label}文件 ${spec.path}`);
  }
  const shape = (spec.schema as z.ZodObject).shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  const required = known.filter((k) => !shape[k]!.safeParse(undefined).success);
  const rows: LoadedRow[] = [];
  for (const file of paths) {
    if (!file.toLowerCase().endsWith('.csv')) {
      issues.error(file, 1, '文件类型', `${spec.path} 中只放 .csv 文件（在 Excel 中“另存为 CSV”）`);
      continue;
    }
    const text = readText(files, file, issues, 'table');
    if (text === undefined) continue;
    let table;
    try {
      table = parseCsv(text, CSV_ALIASES);
    } catch (error) {
      const line = error instanceof CsvSyntaxError ? error.line : 1;
      issues.error(file, line, 'CSV', `CSV 格式错误：${error instanceof Error ? error.message : String(error)}。常见原因：引号不成对`);
      continue;
    }
    const unknown = table.columns.filter((c) => !known.includes(c));
    for (const c of unknown) issues.error(file, 1, c, `不认识的列“${c}”：可用的列是 ${known.join('、')}`);
    const missing = required.filter((c) => !table.columns.includes(c));
    for (const c of missing) issues.error(file, 1, c, `缺少列“${c}”：第一行（表头）必须包含 ${required.join('、')}`);
    if (unknown.length > 0 || missing.length > 0) continue;
    for (const row of table.rows) {
      for (const [column, cell] of Object.entries(row.cells)) {
        if (neutraliseFormula(cell) !== cell) {
          issues.error(
            file,
            row.line,
            column,
            `第 ${row.line} 行“${column}”列以 ${JSON.stringify(cell[0])} 开头：Excel 会把它当公式运行，请删去开头的符号`,
          );
        }
      }
      const cells = filledCells(row.cells);
      const parsed = spec.schema.safeParse(cells);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.error(file, row.line, fieldName(issue.path), `第 ${row.line} 行“${fieldName(issue.path)}”列：${issue.message}`);
        }
        continue;
      }
      rows.push({ file, line: row.line, data: parsed.data as Record<string, unknown>, cells });
    }
  }
  return rows;
}

export type EntryCollectionName = keyof typeof entryCollections;

export type LoadedContent = {
  [K in EntryCollectionName]: LoadedEntry<z.output<ReturnType<(typeof entryCollections)[K]['schema']>>>[];
} & {
  [K in keyof typeof tableCollections]: LoadedRow<z.output<(typeof tableCollections)[K]['schema']>>[];
} & {
  /** Every entry id per collection, including entries that failed their schema. */
  ids: Record<EntryCollectionName, Set<string>>;
  /** Every reference field of every entry, found by walking the schemas. */
  fieldReferences: FieldReference[];
};

/** Loads everything; entries that fail their schema are reported and left out of the lists. */
export function loadContent(files: ProjectFiles, issues: IssueList): LoadedContent {
  const content: Record<string, unknown> = {};
  const ids: Record<string, Set<string>> = {};
  const fieldReferences: FieldReference[] = [];
  for (const [name, spec] of Object.entries(entryCollections)) {
    const loaded = loadEntries(files, spec, issues);
    content[name] = loaded.entries;
    ids[name] = loaded.ids;
    fieldReferences.push(...loaded.references);
  }
  content['fieldReferences'] = fieldReferences;
  for (const [name, spec] of Object.entries(tableCollections)) content[name] = loadTable(files, spec, issues);
  content['ids'] = ids;
  return content as LoadedContent;
}
