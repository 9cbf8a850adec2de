/**
 * The build's own Markdown/MDX processor (the object astro.config.mjs gives Astro) refuses MDX
 * that would run code, on its own, before it becomes JavaScript, and sanitises HTML, without
 * the checker. One real build per case would take minutes; the build itself is exercised in
 * tests/security/build.test.ts.
 */
import type { Element, Root } from 'hast';
import { parseFragment } from 'parse5';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { predictSanitisedBody } from '../../src/checker/body.ts';
import { HONEST, HOSTILE } from './cases.ts';

interface Renderer {
  process: (content: string, path: string, frontmatter: Record<string, unknown>) => Promise<{ code: string }>;
}
interface Processor {
  name: string;
  createMdxRenderer: (shared: Record<string, unknown>, mdx: Record<string, unknown>) => Promise<Renderer>;
  createRenderer: (
    shared: Record<string, unknown>,
  ) => Promise<{ render: (content: string, options: Record<string, unknown>) => Promise<{ code: string }> }>;
}

const processor = (config.markdown as unknown as { processor: Processor }).processor;
const shared = { syntaxHighlight: false, gfm: true, smartypants: true };
const mdxRenderer = await processor.createMdxRenderer(shared, { optimize: false, srcDir: new URL('../../src/', import.meta.url) });
const mdRenderer = await processor.createRenderer(shared);

/** The body of a case's single post, without its frontmatter. */
const bodyOf = (files: Record<string, unknown>, ext: string) => {
  const [path, content] = Object.entries(files).find(([p]) => p.endsWith(ext))!;
  return { path, body: String(content).replace(/^---\n[\s\S]*?\n---\n/, '') };
};

describe('the build pipeline', () => {
  it('is the unified processor with the project plugins', () => {
    expect(processor.name).toBe('unified');
  });

  it.each(HOSTILE.filter((c) => c.build === 'guard').map((c) => [c.id, c] as const))(
    '%s: MDX compilation stops with the Chinese message',
    async (_id, c) => {
      const { path, body } = bodyOf(c.files, '.mdx');
      await expect(mdxRenderer.process(body, `/project/${path}`, {})).rejects.toThrow(c.check!.line!);
    },
  );

  it.each(HOSTILE.filter((c) => c.build === 'sanitised').map((c) => [c.id, c] as const))(
    '%s: the compiled page carries none of the active parts',
    async (_id, c) => {
      const ext = Object.keys(c.files)[0]!.endsWith('.mdx') ? '.mdx' : '.md';
      const { path, body } = bodyOf(c.files, ext);
      const code =
        ext === '.mdx'
          ? (await mdxRenderer.process(body, `/project/${path}`, {})).code
          : (await mdRenderer.render(body, { fileURL: new URL(`file:///project/${path}`), frontmatter: {} })).code;
      for (const marker of c.absent!) expect(code).not.toContain(marker);
    },
  );

  it.each(HONEST.filter((c) => Object.keys(c.files).some((p) => p.endsWith('.mdx'))).map((c) => [c.id, c] as const))(
    '%s: honest MDX compiles with its components',
    async (_id, c) => {
      const { path, body } = bodyOf(c.files, '.mdx');
      const { code } = await mdxRenderer.process(body, `/project/${path}`, {});
      expect(code).toContain('Callout');
      expect(code).toContain('MeasureLink');
    },
  );

  it.each(
    [...HONEST, ...HOSTILE.filter((c) => c.build === 'sanitised')]
      .filter((c) => Object.keys(c.files).some((p) => p.endsWith('.md')) && !c.files[Object.keys(c.files)[0]!]!.toString().includes('\r'))
      .map((c) => [c.id, c] as const),
  )('%s: the checker predicts the structure the build renders', async (_id, c) => {
    const { path, body } = bodyOf(c.files, '.md');
    const built = (await mdRenderer.render(body, { fileURL: new URL(`file:///project/${path}`), frontmatter: {} })).code;
    const builtTags: string[] = [];
    const walk = (n: { tagName?: string; childNodes?: unknown[] }) => {
      if (n.tagName) builtTags.push(n.tagName);
      for (const c of n.childNodes ?? []) walk(c as typeof n);
    };
    walk(parseFragment(built) as unknown as { childNodes: unknown[] });
    const predicted: string[] = [];
    visit(predictSanitisedBody(body) as Root, 'element', (e: Element) => {
      predicted.push(e.tagName);
    });
    expect(predicted).toEqual(builtTags);
  });

  it('stops a Markdown body that was not saved as UTF-8, in the build itself', async () => {
    const gbk = new TextDecoder('utf-8').decode(new Uint8Array([0xd5, 0xfd, 0xce, 0xc4]));
    await expect(mdRenderer.render(`${gbk}\n`, { fileURL: new URL('file:///project/a.md'), frontmatter: {} })).rejects.toThrow(
      /文件不是 UTF-8 编码/,
    );
  });
});
