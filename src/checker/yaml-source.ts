/**
 * Parses YAML (frontmatter or a whole file) while keeping where each field stands, so that an
 * error can name the line the editor has to change.
 */
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { load as loadLikeAstro } from 'js-yaml';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';

/** More aliases than honest frontmatter uses: beyond this, `*a` repeated in layers is an alias bomb. */
const MAX_ALIASES = 50;
/** YAML tags an editor may write (the core schema's own); anything else, such as `!!js/function`, is refused. */
const KNOWN_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:seq',
  'tag:yaml.org,2002:map',
]);

export interface YamlSyntaxProblem {
  line: number;
  message: string;
}

export interface YamlSource {
  data: unknown;
  problems: YamlSyntaxProblem[];
  /** The file line of the field at `path` (or of its nearest existing parent). */
  lineOf: (path: readonly PropertyKey[]) => number;
}

/** Translates the YAML library's error codes into what an editor can act on. */
function describeYamlError(code: string, raw: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: '同一个字段写了两次，请删除其中一个',
    BAD_INDENT: '缩进不对：同一层的字段要对齐，列表项以“- ”开头',
    MISSING_CHAR: '缺少符号，常见原因：冒号后没有空格，或引号、括号没有成对',
    BLOCK_AS_IMPLICIT_KEY: '冒号后缺少空格，或上一行的值没有结束',
    MULTILINE_IMPLICIT_KEY: '字段名不能跨行；冒号后要有一个空格',
    UNEXPECTED_TOKEN: '有多余或不认识的符号，常见原因：中文冒号“：”写成了字段分隔符，或引号不成对',
    TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
    BAD_SCALAR_START: '值的开头字符不能直接写，请给这个值加上引号',
  };
  // The library reports an unclosed [ or { as an indentation problem; name the real cause.
  const text = /end with a [\]}]/.test(raw) ? '方括号 [ ] 或花括号 { } 没有成对' : (known[code] ?? '无法解析');
  return `YAML 格式错误：${text}（${code}: ${raw.split('\n')[0]}）`;
}

/**
 * Parses `yamlText`, whose first line is line `firstLine` of the file.
 * Dates stay text (YAML 1.2 core schema) so the checker sees exactly what the editor typed.
 */
export function parseYamlSource(yamlText: string, firstLine: number): YamlSource {
  const lineCounter = new LineCounter();
  // `merge: true` reads `<<: *base` as Astro's YAML reader (js-yaml) does.
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems = [...doc.errors, ...doc.warnings].map((e) => ({ line: toLine(e.pos[0]), message: describeYamlError(e.code, e.message) }));
  let aliases = 0;
  visit(doc, (_key, node) => {
    if (!node || typeof node !== 'object') return;
    if (isAlias(node)) aliases += 1;
    const tag = (node as { tag?: string }).tag;
    const at = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    if (tag !== undefined && !KNOWN_TAGS.has(tag)) {
      problems.push({
        line: toLine(at),
        message: `YAML 格式错误：不能使用类型标记 ${tag.replace('tag:yaml.org,2002:', '!!')}，直接写值即可`,
      });
    }
  });
  if (aliases > MAX_ALIASES) {
    problems.push({ line: firstLine, message: `YAML 中的引用（*名称）有 ${aliases} 个，超过 ${MAX_ALIASES} 个：请直接写出各字段的值` });
  }
  if (problems.length === 0) {
    // The build reads frontmatter with js-yaml: whatever it refuses must be refused here, with a line.
    try {
      loadLikeAstro(yamlText);
    } catch (error) {
      const e = error as { reason?: string; mark?: { line?: number } };
      problems.push({ line: (e.mark?.line ?? 0) + firstLine, message: `YAML 格式错误：构建时无法读取（${e.reason ?? String(error)}）` });
    }
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let line = node?.range ? toLine(node.range[0]) : firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (keyNode.range) line = toLine(keyNode.range[0]);
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        if (item.range) line = toLine(item.range[0]);
        node = item;
      } else break;
    }
    return line;
  };
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const bomb = error instanceof Error && /alias/i.test(error.message);
      problems.push({
        line: firstLine,
        message: bomb
          ? 'YAML 格式错误：引用（*名称）展开后过大，可能是恶意的“引用炸弹”：请直接写出各字段的值'
          : `YAML 格式错误：${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return { data, problems, lineOf };
}

export interface SplitFile {
  /** The frontmatter YAML, or `undefined` when the file has none. */
  yaml: string | undefined;
  /** File line of the first YAML line. */
  yamlFirstLine: number;
  /** The body with the frontmatter blanked out, so body positions are file lines. */
  body: string;
}

/**
 * Separates `---` frontmatter from the body of a Markdown or MDX file exactly as Astro does
 * (its own `extractFrontmatter`), so a fence the build does not see (an indented `  ---`, a
 * leading space) is not seen here either, and the body's text is the body the build renders.
 */
export function splitFrontmatter(source: string): SplitFile {
  const raw = extractFrontmatter(source);
  if (raw === undefined) return { yaml: undefined, yamlFirstLine: 1, body: source.replace(/^\uFEFF/, '') };
  const opening = source.indexOf(raw);
  // Like Astro's `empty-with-spaces`: the fences and YAML become blanks, so body lines are file lines.
  const fenced = source.slice(opening - 3, opening + raw.length + 3);
  const body = source.replace(fenced, `   ${raw.replace(/[^\r\n]/g, ' ')}   `).replace(/^\uFEFF/, '');
  return { yaml: raw, yamlFirstLine: source.slice(0, opening).split('\n').length, body };
}
