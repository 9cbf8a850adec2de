/**
 * A rehype plugin in the build's Markdown/MDX pipeline: the body's HTML tree goes through
 * `hast-util-sanitize` with the project's allow-list (src/markdown/sanitize-schema.ts), so no
 * script, handler, frame or `javascript:` URL reaches a page whatever the editor wrote and
 * whether or not the checker ran. The checker reports what this removes, so editors learn.
 *
 * Raw HTML in `.md` is parsed first (rehype-raw; Astro's own pass runs only after the user's
 * plugins), so the sanitiser sees elements, not strings. In `.mdx`, HTML is JSX: lower-case
 * elements become plain HTML elements and are sanitised like any other; the project's
 * components (already limited by src/markdown/mdx-rules.ts) are kept as they are and only
 * their children are sanitised; anything else MDX-specific is dropped.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';
import { MDX_COMPONENTS } from '../schemas/mdx-components.ts';
import { SANITIZE_SCHEMA } from './sanitize-schema.ts';

const SLOT = 'yishu-component-slot';
const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];
const SCHEMA: Schema = {
  ...SANITIZE_SCHEMA,
  tagNames: [...(SANITIZE_SCHEMA.tagNames ?? []), SLOT],
  attributes: { ...SANITIZE_SCHEMA.attributes, [SLOT]: [['dataSlot', /^\d+$/]] },
};

interface MdxJsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: ElementContent[];
  position?: Element['position'];
}

function hasRaw(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === 'raw') return true;
  return (node.children ?? []).some((c) => hasRaw(c as { type: string; children?: unknown[] }));
}

/** HTML-style properties from a JSX element's plain attributes (expressions are refused earlier). */
function propertiesOf(node: MdxJsxNode): Properties {
  const properties: Properties = {};
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
    if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') continue;
    properties[find(html, a.name).property] = a.value ?? true;
  }
  return properties;
}

/** Replaces MDX nodes by elements the sanitiser understands; components go into `slots`. */
function toElements(children: RootContent[], slots: MdxJsxNode[]): RootContent[] {
  const out: RootContent[] = [];
  for (const child of children) {
    const type = child.type as string;
    if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
      const node = child as unknown as MdxJsxNode;
      const kids = toElements(node.children as RootContent[], slots) as ElementContent[];
      if (node.name !== null && Object.prototype.hasOwnProperty.call(MDX_COMPONENTS, node.name)) {
        slots.push(node);
        out.push({
          type: 'element',
          tagName: SLOT,
          properties: { dataSlot: String(slots.length - 1) },
          children: kids,
          position: node.position,
        });
      } else if (node.name !== null && /^[a-z][a-z0-9]*$/.test(node.name)) {
        out.push({ type: 'element', tagName: node.name, properties: propertiesOf(node), children: kids, position: node.position });
      }
      continue;
    }
    if (MDX_NODE_TYPES.includes(type)) continue;
    if ('children' in child) {
      (child as Element).children = toElements(child.children as RootContent[], slots) as ElementContent[];
    }
    out.push(child);
  }
  return out;
}

/** Puts the project's components back where the sanitiser kept their slots. */
function fromElements(children: RootContent[], slots: MdxJsxNode[]): RootContent[] {
  return children.map((child) => {
    if (child.type !== 'element') return child;
    const kids = fromElements(child.children, slots) as ElementContent[];
    if (child.tagName === SLOT) {
      const original = slots[Number(child.properties['dataSlot'])]!;
      return { ...original, children: kids } as unknown as RootContent;
    }
    child.children = kids;
    return child;
  });
}

/**
 * The body's HTML tree as the sanitiser sees it: raw HTML parsed, MDX's lower-case JSX as HTML
 * elements, the project's components as placeholder elements (kept in `slots`). The checker
 * walks the same tree to report what the sanitiser removes.
 */
export function toSanitizable(tree: Root, file?: VFile): { plain: Root; slots: MdxJsxNode[] } {
  const parsed = hasRaw(tree) ? (raw(tree, { passThrough: MDX_NODE_TYPES, file }) as Root) : tree;
  const slots: MdxJsxNode[] = [];
  return { plain: { ...parsed, children: toElements(parsed.children, slots) }, slots };
}

/** The schema the build sanitises with, including the placeholder for the project's components. */
export const BUILD_SANITIZE_SCHEMA = SCHEMA;
export const COMPONENT_SLOT = SLOT;

export default function rehypeContentSanitize() {
  return (tree: Root, file: VFile): Root => {
    const { plain, slots } = toSanitizable(tree, file);
    const clean = sanitize(plain, SCHEMA) as Root;
    return { ...clean, children: fromElements(clean.children, slots) };
  };
}
