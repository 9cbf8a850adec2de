/**
 * What an MDX body may contain, read from the MDX syntax tree (remark-mdx node types). MDX
 * compiles to JavaScript that runs at build time, so an `import`/`export`, a `{expression}`
 * (in the text, on its own line or as an attribute value), a `{...spread}` attribute or a
 * component the pages do not supply would let whoever edits content run code on the build
 * machine. Editors get a fixed set of components instead (src/schemas/mdx-components.ts).
 *
 * The same function serves the checker (every problem with its line) and the remark plugin in
 * the build (src/markdown/remark-content-guard.ts), which refuses the file on its own when the
 * checker was skipped.
 */
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { MDX_COMPONENTS, type ComponentAttribute } from '../schemas/mdx-components.ts';

export interface MdxProblem {
  line: number;
  message: string;
}

export interface MdxReference {
  collection: 'measures' | 'units' | 'areas';
  id: string;
  line: number;
  field: string;
}

interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string };
}

interface MdxElement extends Node {
  name: string | null;
  attributes: MdxAttribute[];
}

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const lineOf = (node: Node) => node.position?.start.line ?? 1;

/** An HTML element name as MDX sees it: lower case, no dots or colons (those name JavaScript values). */
const HTML_NAME = /^[a-z][a-z0-9]*$/;
/** A plain attribute name: no `set:html`, `client:load` or other directive, which Astro would act on. */
const PLAIN_ATTRIBUTE = /^[a-zA-Z][a-zA-Z0-9-]*$/;

/** The component's attribute spec, looked up as an own property only (`constructor` is no attribute). */
function componentOf(name: string): Readonly<Record<string, ComponentAttribute>> | undefined {
  return own(MDX_COMPONENTS, name) ? MDX_COMPONENTS[name] : undefined;
}

function checkElement(node: MdxElement, problems: MdxProblem[], references: MdxReference[]) {
  const line = lineOf(node);
  if (node.name === null) {
    problems.push({ line, message: '不能使用空标签 <>…</>' });
    return;
  }
  const component = componentOf(node.name);
  if (!component && !HTML_NAME.test(node.name)) {
    problems.push({ line, message: `不认识的组件 <${node.name}>：可用的组件只有 ${Object.keys(MDX_COMPONENTS).join('、')}` });
    return;
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
    if (!PLAIN_ATTRIBUTE.test(name)) {
      problems.push({ line, message: `<${node.name}> 不能有属性 ${name}：属性名只能由字母、数字和 - 组成` });
      continue;
    }
    if (!component) continue;
    if (!own(component, name)) {
      problems.push({ line, message: `<${node.name}> 没有 ${name} 属性，可用的属性：${Object.keys(component).join('、') || '无'}` });
      continue;
    }
    const spec = component[name]!;
    if (spec.values && (typeof value !== 'string' || !spec.values.includes(value))) {
      problems.push({ line, message: `<${node.name}> 的 ${name} 只能是 ${spec.values.join('、')} 之一，现在是“${value ?? ''}”` });
    } else if (spec.refersTo && typeof value === 'string') {
      references.push({ collection: spec.refersTo, id: value, line, field: `<${node.name} ${name}>` });
    } else if (typeof value !== 'string') {
      problems.push({ line, message: `<${node.name}> 的属性 ${name} 要写成 ${name}="文字"` });
    }
  }
  if (!component) return;
  for (const [name, spec] of Object.entries(component)) {
    if (spec.required && !given.has(name)) problems.push({ line, message: `<${node.name}> 缺少 ${name} 属性（${spec.description}）` });
  }
}

/**
 * Every construct in an MDX syntax tree that would run code or use something outside the
 * allow-list, and the entries the project's components point at.
 */
export function checkMdxTree(tree: Node): { problems: MdxProblem[]; references: MdxReference[] } {
  const problems: MdxProblem[] = [];
  const references: MdxReference[] = [];
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({ line: lineOf(node), message: '不能使用 import 或 export：组件无需导入即可使用，MDX 中不允许运行代码' });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push({
          line: lineOf(node),
          message: '不能使用 {…} 表达式（包括 {/* 注释 */}）：它会在构建时运行代码；需要显示花括号时写成 \\{',
        });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node as MdxElement, problems, references);
        break;
      default:
    }
  });
  return { problems, references };
}
