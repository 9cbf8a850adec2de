/**
 * Rules for the body of Markdown and MDX entries, read from the same syntax tree the build
 * makes (src/markdown/pipeline.ts: remark, GFM, remark-mdx) rather than with patterns of our own.
 *
 * Two kinds of problem are reported, each on its line:
 * - in `.mdx`, anything that would run code or is not an allowed component or attribute
 *   (src/markdown/mdx-rules.ts; the build refuses these on its own too);
 * - HTML the build's sanitiser would remove (a script, an `on…` handler, a `javascript:` link,
 *   a frame…): the sanitiser is the guarantee, the report is there so editors learn why
 *   something they wrote is missing from the page.
 * The images the body shows are returned for the file checks in src/checker/rules.ts.
 */
import type { Element, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHast } from 'mdast-util-to-hast';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { checkMdxTree, type MdxProblem, type MdxReference } from '../markdown/mdx-rules.ts';
import { parseContentBody } from '../markdown/pipeline.ts';
import { BUILD_SANITIZE_SCHEMA, COMPONENT_SLOT, toSanitizable } from '../markdown/rehype-content-sanitize.ts';

export type BodyProblem = MdxProblem;
export type BodyReference = MdxReference;

export interface BodyImage {
  line: number;
  src: string;
}

export interface BodyScan {
  problems: BodyProblem[];
  references: BodyReference[];
  images: BodyImage[];
}

const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] as const;
const URL_PROPERTIES = new Set(['href', 'src', 'cite']);

/** How a removed tag or attribute is explained to an editor. */
function removedTag(tag: string): string {
  if (['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet'].includes(tag)) {
    return `不能使用 <${tag}> 标签：网页里不允许嵌入脚本、框架或样式，构建时会被删除`;
  }
  if (['meta', 'base', 'link', 'form', 'input', 'button', 'svg', 'math'].includes(tag)) {
    return `不能使用 <${tag}> 标签：它能让页面跳转、提交或加载别处的内容，构建时会被删除`;
  }
  return `不能使用 <${tag}> 标签（只允许段落、列表、表格、引用、图片等排版标签），构建时会被删除`;
}

function removedAttribute(tag: string, property: string, value: unknown): string {
  const name = find(html, property).attribute;
  if (/^on/i.test(name)) return `不能在 <${tag}> 上写 ${name} 事件属性，它会在读者浏览器里运行代码，构建时会被删除`;
  if (URL_PROPERTIES.has(property)) {
    return `<${tag}> 的地址“${String(value).slice(0, 60)}”不安全：只能是 http(s)、mailto、tel 或本站地址，构建时会被删除`;
  }
  return `<${tag}> 不能有 ${name} 属性，构建时会被删除`;
}

/**
 * Every tag and attribute of `tree` that the build's sanitiser drops, found by sanitising each
 * element on its own with the build's schema (so the rule is the sanitiser's, not a copy).
 */
function reportRemovals(tree: HastRoot, problems: BodyProblem[]) {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === COMPONENT_SLOT) return;
    const line = node.position?.start.line ?? 1;
    const shell: Element = { type: 'element', tagName: node.tagName, properties: node.properties, children: [] };
    const kept = sanitize(shell, BUILD_SANITIZE_SCHEMA);
    if (kept.type !== 'element') {
      problems.push({ line, message: removedTag(node.tagName) });
      return;
    }
    const keptProperties = kept.properties ?? {};
    for (const [name, value] of Object.entries(node.properties)) {
      if (!Object.prototype.hasOwnProperty.call(keptProperties, name))
        problems.push({ line, message: removedAttribute(node.tagName, name, value) });
    }
  });
}

function collectImages(tree: HastRoot, images: BodyImage[]) {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img') return;
    const src = node.properties['src'];
    if (typeof src === 'string') images.push({ line: node.position?.start.line ?? 1, src });
  });
}

/**
 * The HTML tree the build makes of a Markdown body after sanitising, as the checker predicts it
 * (for the tests that hold checker and build to the same structure).
 */
export function predictSanitisedBody(body: string): HastRoot {
  const hast = toHast(parseContentBody(body, 'md'), { allowDangerousHtml: true }) as HastRoot;
  return sanitize(toSanitizable(hast).plain, BUILD_SANITIZE_SCHEMA) as HastRoot;
}

/**
 * Scans the body of a `.md` or `.mdx` file. Positions are lines of `body`, which keeps the
 * frontmatter's lines blank so they equal the file's lines.
 */
export function scanBody(body: string, kind: 'md' | 'mdx'): BodyScan {
  const scan: BodyScan = { problems: [], references: [], images: [] };
  let mdast;
  try {
    mdast = parseContentBody(body, kind);
  } catch (error) {
    const e = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message?: string };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? 1;
    scan.problems.push({
      line,
      message: `MDX 语法错误：${e.reason ?? e.message ?? ''}。常见原因：标签没有闭合，或正文里直接写了 { } < 等符号（需要时写成 \\{ 或 &lt;）`,
    });
    return scan;
  }
  if (kind === 'mdx') {
    const mdx = checkMdxTree(mdast);
    scan.problems.push(...mdx.problems);
    scan.references.push(...mdx.references);
  }
  const hast = toHast(mdast, { allowDangerousHtml: true, passThrough: [...MDX_NODE_TYPES] }) as HastRoot;
  const { plain } = toSanitizable(hast, new VFile(body));
  reportRemovals(plain, scan.problems);
  collectImages(plain, scan.images);
  return scan;
}
