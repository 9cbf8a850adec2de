/**
 * The one Markdown/MDX pipeline: the build (astro.config.mjs, through `unified()` from
 * @astrojs/markdown-remark) and the checker (src/checker/body.ts) use the same parser and
 * plugins, so whatever the build treats as code or HTML, the checker sees as code or HTML —
 * GFM included (footnotes and table cells change what is HTML and what is text).
 */
import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import rehypeContentSanitize from './rehype-content-sanitize.ts';
import remarkContentGuard from './remark-content-guard.ts';

/** remark plugins added to Astro's own (which adds GFM itself). */
export const contentRemarkPlugins = [remarkContentGuard];
/** rehype plugins added to Astro's own, before it turns images into components and adds heading ids. */
export const contentRehypePlugins = [rehypeContentSanitize];

const markdownParser = unified().use(remarkParse).use(remarkGfm);
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Parses a body exactly as the build's parser does (GFM, and MDX syntax for `.mdx`). */
export function parseContentBody(body: string, kind: 'md' | 'mdx'): MdastRoot {
  return (kind === 'mdx' ? mdxParser : markdownParser).parse(body);
}
