/**
 * Rules for the body of Markdown and MDX entries, read from the real Markdown/MDX syntax tree
 * (remark, remark-mdx) rather than with patterns of our own.
 *
 * MDX compiles to JavaScript that runs at build time: an `import`, an `export` or a
 * `{expression}` would let whoever edits content run code on the build machine. Editors get a
 * fixed set of components instead (src/schemas/mdx-components.ts). Raw HTML may not carry
 * scripts, event handlers or `javascript:` links either, in `.md` or `.mdx`.
 */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import { MDX_COMPONENTS } from '../schemas/mdx-components.ts';

export interface BodyProblem {
  line: number;
  message: string;
}

export interface BodyReference {
  collection: 'measures' | 'units' | 'areas';
  id: string;
  line: number;
  field: string;
}

export interface BodyScan {
  problems: BodyProblem[];
  references: BodyReference[];
}

const DANGEROUS_TAGS = ['script', 'iframe', 'object', 'embed', 'style', 'form', 'base', 'meta', 'link'];
const DANGEROUS_TAG_RE = new RegExp(`<\\s*(${DANGEROUS_TAGS.join('|')})\\b`, 'i');
const HANDLER_RE = /\son[a-z]+\s*=/i;
const SCRIPT_URL_RE = /^\s*(javascript|vbscript|data)\s*:/i;
const SCRIPT_URL_IN_HTML_RE = /(href|src|action|formaction)\s*=\s*["']?\s*(javascript|vbscript|data)\s*:/i;

const markdownParser = unified().use(remarkParse);
const mdxParser = unified().use(remarkParse).use(remarkMdx);

interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string };
}

interface MdxElement extends Node {
  name: string | null;
  attributes: MdxAttribute[];
}

const lineOf = (node: Node) => node.position?.start.line ?? 1;

function scanHtml(html: string, line: number, problems: BodyProblem[]) {
  const tag = DANGEROUS_TAG_RE.exec(html);
  if (tag) problems.push({ line, message: `不能使用 <${tag[1]!.toLowerCase()}> 标签：网页里不允许嵌入脚本、框架或样式` });
  if (HANDLER_RE.test(html)) problems.push({ line, message: '不能在 HTML 里写 on… 事件属性（如 onclick），它们会在读者浏览器里运行代码' });
  if (SCRIPT_URL_IN_HTML_RE.test(html)) problems.push({ line, message: '链接地址不能以 javascript:、vbscript: 或 data: 开头' });
}

function scanLinks(tree: Node, problems: BodyProblem[]) {
  visit(tree, ['link', 'image', 'definition'], (node) => {
    const url = (node as Node & { url?: string }).url ?? '';
    if (SCRIPT_URL_RE.test(url)) problems.push({ line: lineOf(node), message: '链接地址不能以 javascript:、vbscript: 或 data: 开头' });
  });
}

function scanMdxElement(node: MdxElement, scan: BodyScan) {
  const line = lineOf(node);
  const { problems } = scan;
  if (node.name === null) {
    problems.push({ line, message: '不能使用空标签 <>…</>' });
    return;
  }
  const component = MDX_COMPONENTS[node.name];
  const isHtml = /^[a-z][a-z0-9]*$/.test(node.name);
  if (!component && !isHtml) {
    problems.push({ line, message: `不认识的组件 <${node.name}>：可用的组件只有 ${Object.keys(MDX_COMPONENTS).join('、')}` });
    return;
  }
  if (isHtml && DANGEROUS_TAGS.includes(node.name)) {
    problems.push({ line, message: `不能使用 <${node.name}> 标签：网页里不允许嵌入脚本、框架或样式` });
  }
  const given = new Set<string>();
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push({ line, message: `<${node.name}> 的属性不能用 {…} 表达式，只能写成 名称="文字"` });
      continue;
    }
    const name = attribute.name ?? '';
    given.add(name);
    const value = attribute.value;
    if (value !== null && typeof value === 'object') {
      problems.push({ line, message: `<${node.name}> 的属性 ${name} 不能用 {…} 表达式，只能写成 ${name}="文字"` });
      continue;
    }
    if (/^on/i.test(name)) {
      problems.push({ line, message: `不能使用 ${name} 事件属性，它会在读者浏览器里运行代码` });
      continue;
    }
    if (typeof value === 'string' && SCRIPT_URL_RE.test(value)) {
      problems.push({ line, message: '链接地址不能以 javascript:、vbscript: 或 data: 开头' });
    }
    if (!component) continue;
    const spec = component[name];
    if (!spec) {
      problems.push({ line, message: `<${node.name}> 没有 ${name} 属性，可用的属性：${Object.keys(component).join('、')}` });
    } else if (spec.values && typeof value === 'string' && !spec.values.includes(value)) {
      problems.push({ line, message: `<${node.name}> 的 ${name} 只能是 ${spec.values.join('、')} 之一，现在是“${value}”` });
    } else if (spec.refersTo && typeof value === 'string') {
      scan.references.push({ collection: spec.refersTo, id: value, line, field: `<${node.name} ${name}>` });
    }
  }
  for (const [name, spec] of Object.entries(component ?? {})) {
    if (spec.required && !given.has(name)) problems.push({ line, message: `<${node.name}> 缺少 ${name} 属性（${spec.description}）` });
  }
}

/**
 * Scans the body of a `.md` or `.mdx` file. Positions are lines of `body`, which keeps the
 * frontmatter's lines blank so they equal the file's lines.
 */
export function scanBody(body: string, kind: 'md' | 'mdx'): BodyScan {
  const scan: BodyScan = { problems: [], references: [] };
  if (kind === 'md') {
    const tree = markdownParser.parse(body);
    visit(tree, 'html', (node) => scanHtml((node as Node & { value: string }).value, lineOf(node), scan.problems));
    scanLinks(tree, scan.problems);
    return scan;
  }
  let tree: Node;
  try {
    tree = mdxParser.parse(body);
  } catch (error) {
    const e = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message?: string };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    scan.problems.push({
      line,
      message: `MDX 语法错误：${e.reason ?? e.message ?? ''}。常见原因：标签没有闭合，或正文里直接写了 { } < 等符号（需要时写成 \\{ 或 &lt;）`,
    });
    return scan;
  }
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        scan.problems.push({ line: lineOf(node), message: '不能使用 import 或 export：组件无需导入即可使用，MDX 中不允许运行代码' });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        scan.problems.push({
          line: lineOf(node),
          message: '不能使用 {…} 表达式（包括 {/* 注释 */}）：它会在构建时运行代码；需要显示花括号时写成 \\{',
        });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        scanMdxElement(node as MdxElement, scan);
        break;
      default:
    }
  });
  scanLinks(tree, scan.problems);
  return scan;
}
