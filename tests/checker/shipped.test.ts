/**
 * The shipped content: it passes, and breaking any field of any shipped file, or putting an ID
 * or mobile number in any of them, is caught with that file, line and field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, formatIssue, type Issue } from '../../src/checker/index.ts';
import { splitFrontmatter } from '../../src/checker/yaml-source.ts';
import { decodeText } from '../../src/lib/csv.ts';
import { FIXTURE_TODAY, listFiles, PROJECT_ROOT } from '../helpers/fixtures.ts';

const contentFiles = listFiles(join(PROJECT_ROOT, 'src/content'))
  .map((f) => `src/content/${f}`)
  .filter((f) => /\.(md|mdx|yaml)$/.test(f));
const dataFiles = listFiles(join(PROJECT_ROOT, 'data')).map((f) => `data/${f}`);
const check = (overrides: Map<string, string | Uint8Array>) => checkProject(PROJECT_ROOT, { overrides, today: FIXTURE_TODAY });
const errorsIn = (issues: Issue[], file: string) => issues.filter((i) => i.severity === 'error' && i.file === file);

describe('the shipped content', () => {
  it('has no error and exactly the declared-count warning, naming 21 and 20', () => {
    const result = checkProject(PROJECT_ROOT, { today: FIXTURE_TODAY });
    expect(result.errors).toBe(0);
    expect(result.issues.map(formatIssue)).toEqual([
      'src/content/plan/plan.md:22  declared.measures  警告：方案声明 21 项整改措施，内容中实际有 20 项；网站按实际的 20 项统计',
    ]);
  });

  it('holds the whole seed: 3 duties, 5 areas, 20 measures, 4 requirements, the six units', () => {
    const { content } = checkProject(PROJECT_ROOT, { today: FIXTURE_TODAY });
    expect(content.duties).toHaveLength(3);
    expect(content.areas).toHaveLength(5);
    expect(content.requirements).toHaveLength(4);
    const perArea = Object.groupBy(content.measures, (m) => m.id.split('-')[0]!);
    expect(Object.fromEntries(Object.entries(perArea).map(([k, v]) => [k, v!.length]))).toEqual({ 1: 3, 2: 4, 3: 3, 4: 7, 5: 3 });
    expect(content.units.map((u) => u.data.name).sort()).toEqual(
      ['X党支部', 'X村党支部', 'X社区党支部', '个协党支部', '党建办', '镇党委'].sort(),
    );
  });

  it('keeps every measure text as the seed words it', () => {
    const seed = readFileSync(join(PROJECT_ROOT, 'docs/source/整改方案原文.txt'), 'utf8');
    for (const file of contentFiles.filter((f) => f.startsWith('src/content/measures/'))) {
      const body = splitFrontmatter(readFileSync(join(PROJECT_ROOT, file), 'utf8')).body.trim();
      expect(seed.includes(body), file).toBe(true);
    }
  });
});

/** Replaces the value of top-level `key` (and its indented continuation) with a nested list, which no field accepts. */
function breakField(text: string, key: string): { text: string; line: number } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  let end = start + 1;
  while (end < lines.length && /^(\s+\S|- )/.test(lines[end]!)) end += 1;
  lines.splice(start, end - start, `${key}: [[]]`);
  return { text: lines.join('\n'), line: start + 1 };
}

function topLevelKeys(file: string, text: string): string[] {
  const yaml = file.endsWith('.yaml') ? text : (splitFrontmatter(text).yaml ?? '');
  return yaml
    .split('\n')
    .map((l) => /^([A-Za-z][\w-]*):/.exec(l)?.[1])
    .filter((k): k is string => k !== undefined);
}

describe('breaking any single field of any shipped file', () => {
  const cases = contentFiles.flatMap((file) => {
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    return topLevelKeys(file, text).map((key) => [file, key] as const);
  });

  it('covers every content file', () => {
    expect(new Set(cases.map(([f]) => f)).size).toBe(contentFiles.length);
  });

  it.each(cases)('%s: %s', (file, key) => {
    const broken = breakField(readFileSync(join(PROJECT_ROOT, file), 'utf8'), key);
    const errors = errorsIn(check(new Map([[file, broken.text]])).issues, file);
    expect(errors.length, `${file} ${key}`).toBeGreaterThan(0);
    expect(errors[0]!.field.startsWith(key)).toBe(true);
    expect(errors[0]!.line).toBe(broken.line);
    expect(errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  const cells = dataFiles.flatMap((file) => {
    const { text } = decodeText(readFileSync(join(PROJECT_ROOT, file)));
    const header = text.split(/\r?\n/)[0]!.split(',');
    return header.map((column, index) => [file, column, index] as const);
  });

  it.each(cells)('%s: column %s', (file, column, index) => {
    const bytes = readFileSync(join(PROJECT_ROOT, file));
    const { text, encoding } = decodeText(bytes);
    const lines = text.split(/\r?\n/);
    const row = lines[1]!.split(',');
    // An empty cell is wrong in every required column; optional ones (note, target) must stay valid.
    row[index] = '';
    lines[1] = row.join(',');
    const out = lines.join('\r\n');
    const encoded = encoding === 'gb18030' ? gb18030(out) : new TextEncoder().encode(out);
    const errors = errorsIn(check(new Map([[file, encoded]])).issues, file);
    if (['note', '备注', 'target', '目标'].includes(column)) {
      expect(errors).toEqual([]);
    } else {
      expect(errors.length, `${file} ${column}`).toBeGreaterThan(0);
      expect(errors[0]).toMatchObject({ line: 2 });
    }
  });
});

/** Encodes text as GB18030 for the CSV cases (Node's TextEncoder only writes UTF-8). */
function gb18030(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi += 1) {
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

describe('personal data in any shipped file', () => {
  const files = [...contentFiles, ...dataFiles];
  it.each(files)('%s refuses an ID-card number and a mobile number', (file) => {
    const original = readFileSync(join(PROJECT_ROOT, file));
    const lineCount = decodeText(original).text.replace(/\n$/, '').split('\n').length;
    // ASCII digits are the same bytes in UTF-8 and GB18030, so appending works for every file.
    const appended = new TextEncoder().encode(`\n11010519491231002X\n13812345678\n`);
    const text = new Uint8Array([...original, ...appended]);
    const privacy = errorsIn(check(new Map([[file, text]])).issues, file).filter((i) => i.field === '个人信息');
    expect(privacy.map((i) => i.message.slice(0, 7))).toEqual(['发现身份证号码', '发现手机号码 ']);
    expect(privacy[0]!.line).toBeGreaterThan(lineCount);
  });
});
