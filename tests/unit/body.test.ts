import { describe, expect, it } from 'vitest';
import { scanBody } from '../../src/checker/body.ts';

const messages = (body: string, kind: 'md' | 'mdx') =>
  scanBody(body, kind)
    .problems.sort((a, b) => a.line - b.line)
    .map((p) => `${p.line}:${p.message}`);
/** Each reported problem, as `line:` and the start of its message. */
const starts = (...prefixes: string[]) =>
  prefixes.map((p) => expect.stringMatching(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));

describe('scanBody (Markdown)', () => {
  it('accepts ordinary text, links and harmless HTML', () => {
    expect(scanBody('正文\n\n[链接](https://example.org/)\n\n<br>\n', 'md').problems).toEqual([]);
  });
  it('refuses script-like HTML and script links, with their lines', () => {
    const body = '\n<iframe src="x"></iframe>\n\n<a href="javascript:void(0)">x</a>\n\n<p onclick="x()">y</p>\n\n![图](data:text/html,x)\n';
    expect(messages(body, 'md')).toEqual(
      starts('2:不能使用 <iframe>', '4:<a> 的地址“javascript:', '6:不能在 <p> 上写 onclick', '8:<img> 的地址“data:'),
    );
  });
  it('does not mistake the Chinese words 《》 or text in angle brackets for tags', () => {
    expect(scanBody('依据《通知》和<全市方案>执行。', 'md').problems).toEqual([]);
  });
});

describe('scanBody (MDX)', () => {
  it('accepts the project components with string attributes and collects references', () => {
    const scan = scanBody('<Callout type="注意">文字</Callout>\n\n见 <MeasureLink id="3-1" />。\n', 'mdx');
    expect(scan.problems).toEqual([]);
    expect(scan.references).toEqual([{ collection: 'measures', id: '3-1', line: 3, field: '<MeasureLink id>' }]);
  });
  it('refuses export, expressions, comments in braces and spread attributes', () => {
    const body = 'export const a = 1\n\n{1 + 1}\n\n文字 {/* 注释 */}\n\n<Callout {...props}>x</Callout>\n';
    expect(messages(body, 'mdx')).toEqual(
      starts('1:不能使用 import 或 export', '3:不能使用 {…} 表达式', '5:不能使用 {…} 表达式', '7:<Callout> 的属性不能用 {…}'),
    );
  });
  it('checks component attributes: unknown, required, allowed values', () => {
    const body = '<Callout kind="x">a</Callout>\n\n<MeasureLink />\n\n<Callout type="警告">b</Callout>\n';
    expect(messages(body, 'mdx')).toEqual(
      starts('1:<Callout> 没有 kind 属性', '3:<MeasureLink> 缺少 id 属性', '5:<Callout> 的 type 只能是 提示、注意、要求 之一'),
    );
  });
  it('refuses script elements, handlers and fragments', () => {
    const body = '<script>alert(1)</script>\n\n<p onClick="x">y</p>\n\n<>z</>\n';
    expect(messages(body, 'mdx')).toEqual(starts('1:不能使用 <script> 标签', '3:不能在 <p> 上写 onclick', '5:不能使用空标签'));
  });
  it('reports a syntax error with its line instead of crashing', () => {
    const scan = scanBody('第一行\n\n<Callout>没有闭合\n', 'mdx');
    expect(scan.problems).toHaveLength(1);
    expect(scan.problems[0]!.message).toMatch(/^MDX 语法错误/);
    expect(scan.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });
});
