/**
 * The baseline of `npm run bench`: bare Astro + MDX building the same generated entries
 * (measures, progress records, posts) into the same entry pages, each rendered from its
 * Markdown or MDX through a plain layout, plus the same paginated record list (20 per page) and
 * a home page. No checker, no release steps (search index, gate, manifest), no remark/rehype
 * plugins of ours, no view model: what the project's build costs over this is ours to explain.
 *
 * Two flavours: Astro's default Markdown processor (Sätteri, native code), and the unified
 * pipeline (remark/rehype in JavaScript) that the project chose so that the checker parses
 * exactly as the build does. The second separates the price of that choice from the price of
 * what the project adds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { linkModules } from './copy-project.ts';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "bench-bare", "private": true, "type": "module" }\n',
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const entries = (base: string) =>
  defineCollection({
    loader: glob({ base, pattern: '**/*.{md,mdx}' }),
    schema: z.object({ title: z.string(), date: z.coerce.date().optional(), measures: z.array(z.string()).optional() }).passthrough(),
  });
export const collections = {
  measures: entries('src/content/measures'),
  updates: entries('src/content/updates'),
  posts: entries('src/content/posts'),
};
`,
  'src/layouts/Page.astro': `---
const { title } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{title}</title></head>
<body><header><a href="/">首页</a></header><main><h1>{title}</h1><slot /></main></body></html>
`,
  'src/components/Callout.astro': `---
const { type } = Astro.props;
---
<aside><strong>{type}</strong><slot /></aside>
`,
  'src/components/MeasureLink.astro': `---
const { id } = Astro.props;
---
<a href={\`/measures/\${id}/\`}>{id}</a>
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
import Page from '../layouts/Page.astro';
const counts = await Promise.all(['measures', 'updates', 'posts'].map(async (c) => [c, (await getCollection(c as 'posts')).length]));
---
<Page title="首页"><ul>{counts.map(([c, n]) => <li>{c}: {n}</li>)}</ul></Page>
`,
  'src/pages/updates/page/[page].astro': `---
import { getCollection } from 'astro:content';
import Page from '../../../layouts/Page.astro';
export async function getStaticPaths({ paginate }) {
  const all = (await getCollection('updates')).sort((a, b) => String(b.data.date).localeCompare(String(a.data.date)));
  return paginate(all, { pageSize: 20 });
}
const { page } = Astro.props;
---
<Page title={\`进展 第 \${page.currentPage} 页\`}><ol>{page.data.map((e) => <li><a href={\`/updates/\${e.id}/\`}>{e.data.title}</a></li>)}</ol></Page>
`,
};

/** One entry page per entry of `collection`, at /collection/id/. */
const entryPage = (collection: string) => `---
import { getCollection, render } from 'astro:content';
import Callout from '../../components/Callout.astro';
import MeasureLink from '../../components/MeasureLink.astro';
import Page from '../../layouts/Page.astro';
export async function getStaticPaths() {
  return (await getCollection('${collection}')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Page title={entry.data.title}>{(entry.data.measures ?? []).map((m) => <MeasureLink id={m} />)}<Content components={{ Callout, MeasureLink }} /></Page>
`;

/** astro.config.mjs: Astro's default Markdown processor, or its unified one with no plugins added. */
const config = (processor: BareProcessor) => `import mdx from '@astrojs/mdx';
${processor === 'unified' ? "import { unified } from '@astrojs/markdown-remark';\n" : ''}import { defineConfig } from 'astro/config';
export default defineConfig({ trailingSlash: 'always', integrations: [mdx()], markdown: { syntaxHighlight: false${processor === 'unified' ? ', processor: unified()' : ''} } });
`;

export type BareProcessor = 'default' | 'unified';

/** Writes the bare project into `dir`, without content: the benchmark generates the same entries into it. */
export function writeBareProject(dir: string, projectRoot: string, processor: BareProcessor = 'default'): void {
  const files: Record<string, string> = { ...FILES, 'astro.config.mjs': config(processor) };
  for (const c of ['measures', 'updates', 'posts']) files[`src/pages/${c}/[id].astro`] = entryPage(c);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  linkModules(projectRoot, dir);
}
