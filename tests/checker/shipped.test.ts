/**
 * The shipped content: it passes, and breaking any field of any shipped file, or putting an ID
 * or mobile number in any of them, is caught with that file, line and field.
 *
 * Each case breaks one file, and the checker reads the whole project every time it runs (a run
 * costs about 0.15 s). So cases share runs: round k breaks the k-th field of every file at once,
 * and each case reads its own file's errors from its round's run. A break cannot pass because of
 * another file's break: the error expected is on the broken field at the broken line, whose
 * value (a nested list, or an empty cell) refers to nothing another file could upset. Content
 * and data tables run in separate rounds, since data names units and metrics from content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, formatIssue, type Issue } from '../../src/checker/index.ts';
import { splitFrontmatter } from '../../src/checker/yaml-source.ts';
import { decodeText } from '../../src/domain/csv.ts';
import { FIXTURE_TODAY, listFiles, PROJECT_ROOT } from '../helpers/fixtures.ts';

const contentFiles = listFiles(join(PROJECT_ROOT, 'src/content'))
  .map((f) => `src/content/${f}`)
  .filter((f) => /\.(md|mdx|yaml)$/.test(f));
const dataFiles = listFiles(join(PROJECT_ROOT, 'data')).map((f) => `data/${f}`);
const check = (overrides: Map<string, string | Uint8Array>) => checkProject(PROJECT_ROOT, { overrides, today: FIXTURE_TODAY });
const errorsIn = (issues: Issue[], file: string) => issues.filter((i) => i.severity === 'error' && i.file === file);

/** One checker run per key, made the first time a case asks for it. */
function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}
const shipped = memo((_: 'shipped') => checkProject(PROJECT_ROOT, { today: FIXTURE_TODAY }));

describe('the shipped content', () => {
  it('has no error and exactly the declared-count warning, naming 21 and 20', () => {
    const result = shipped('shipped');
    expect(result.errors).toBe(0);
    expect(result.issues.map(formatIssue)).toEqual([
      'src/content/plan/plan.md:22  declared.measures  警告：方案声明 21 项整改措施，内容中实际有 20 项；网站按实际的 20 项统计',
    ]);
  });

  it('holds the whole seed: 3 duties, 5 areas, 20 measures, 4 requirements, the six units', () => {
    const { content } = shipped('shipped');
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
    return topLevelKeys(file, text).map((key, round) => [file, key, round] as const);
  });
  /** Round k: the k-th top-level field of every content file broken at once. */
  const contentRound = memo((round: number) => {
    const overrides = new Map<string, string>();
    const lines = new Map<string, number>();
    for (const [file, key, r] of cases) {
      if (r !== round) continue;
      const broken = breakField(readFileSync(join(PROJECT_ROOT, file), 'utf8'), key);
      overrides.set(file, broken.text);
      lines.set(file, broken.line);
    }
    return { issues: check(overrides).issues, lines };
  });

  it('covers every content file', () => {
    expect(new Set(cases.map(([f]) => f)).size).toBe(contentFiles.length);
  });

  it.each(cases)('%s: %s', (file, key, round) => {
    const { issues, lines } = contentRound(round);
    const errors = errorsIn(issues, file);
    expect(errors.length, `${file} ${key}`).toBeGreaterThan(0);
    expect(errors[0]!.field.startsWith(key)).toBe(true);
    expect(errors[0]!.line).toBe(lines.get(file));
    expect(errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  const cells = dataFiles.flatMap((file) => {
    const { text } = decodeText(readFileSync(join(PROJECT_ROOT, file)));
    const header = text.split(/\r?\n/)[0]!.split(',');
    return header.map((column, index) => [file, column, index] as const);
  });
  /** Round k: the k-th cell of the first row of every data table emptied at once. */
  const dataRound = memo((index: number) => {
    const overrides = new Map<string, Uint8Array>();
    for (const [file, , i] of cells) {
      if (i !== index) continue;
      const { text, encoding } = decodeText(readFileSync(join(PROJECT_ROOT, file)));
      const lines = text.split(/\r?\n/);
      const row = lines[1]!.split(',');
      row[index] = '';
      lines[1] = row.join(',');
      const out = lines.join('\r\n');
      overrides.set(file, encoding === 'gb18030' ? gb18030(out) : new TextEncoder().encode(out));
    }
    return check(overrides).issues;
  });

  it.each(cells)('%s: column %s', (file, column, index) => {
    const errors = errorsIn(dataRound(index), file);
    // An empty cell is wrong in every required column; optional ones (note, target) must stay valid.
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
  const table = gb18030Table(undefined);
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

/** Every two-byte GB18030 character and its bytes, read off Node's decoder once. */
const gb18030Table = memo((_: undefined) => {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi += 1) {
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return table;
});

describe('personal data in any shipped file', () => {
  const files = [...contentFiles, ...dataFiles];
  // ASCII digits are the same bytes in UTF-8 and GB18030, so appending works for every file.
  const appended = new TextEncoder().encode(`\n11010519491231002X\n13812345678\n`);
  /** Both numbers appended to every file at once: one run for all the cases. */
  const everyFile = memo((_: 'all') =>
    check(new Map(files.map((file) => [file, new Uint8Array([...readFileSync(join(PROJECT_ROOT, file)), ...appended])]))),
  );

  it.each(files)('%s refuses an ID-card number and a mobile number', (file) => {
    const lineCount = decodeText(readFileSync(join(PROJECT_ROOT, file)))
      .text.replace(/\n$/, '')
      .split('\n').length;
    const privacy = errorsIn(everyFile('all').issues, file).filter((i) => i.field === '个人信息');
    expect(privacy.map((i) => i.message.slice(0, 7))).toEqual(['发现身份证号码', '发现手机号码 ']);
    expect(privacy[0]!.line).toBeGreaterThan(lineCount);
  });
});
