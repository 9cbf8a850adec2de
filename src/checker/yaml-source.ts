/**
 * Parses YAML (frontmatter or a whole file) while keeping where each field stands, so that an
 * error can name the line the editor has to change.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

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
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems = [...doc.errors].map((e) => ({ line: toLine(e.pos[0]), message: describeYamlError(e.code, e.message) }));
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
  const data = problems.length > 0 ? undefined : doc.toJS();
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

/** Separates `---` frontmatter from the body of a Markdown or MDX file. */
export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { yaml: undefined, yamlFirstLine: 1, body: text };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end === -1) return { yaml: undefined, yamlFirstLine: 1, body: text };
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlFirstLine: 2,
    body: '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n'),
  };
}
