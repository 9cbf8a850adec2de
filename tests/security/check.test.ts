/**
 * `npm run check` over the security corpora, run once per corpus: every hostile case is refused
 * with its Chinese `path:line  field  message`, every honest case passes, and no input makes the
 * checker throw.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkProject, formatIssue, formatReport, REPORT_LIMIT } from '../../src/checker/index.ts';
import { FIXTURE_TODAY } from '../helpers/fixtures.ts';
import { HONEST, HOSTILE, type CaseClass } from './cases.ts';
import { makeCorpus } from './corpus.ts';

const hostile = makeCorpus('check-hostile', HOSTILE);
const honest = makeCorpus('check-honest', HONEST);
afterAll(() => {
  hostile.remove();
  honest.remove();
});

describe('the security cases', () => {
  it('number at least 60 hostile and 10 honest, across every class', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(60);
    expect(HONEST.length).toBeGreaterThanOrEqual(10);
    const classes: CaseClass[] = ['MDX 代码', 'HTML', 'URL', '个人信息', '字段区', '图片', 'CSV 公式', '不崩溃'];
    for (const c of classes) expect(HOSTILE.filter((h) => h.class === c).length, c).toBeGreaterThan(0);
    expect(new Set([...HOSTILE, ...HONEST].map((c) => c.id)).size).toBe(HOSTILE.length + HONEST.length);
  });
});

describe('npm run check on the hostile corpus', () => {
  const result = checkProject(hostile.dir, { today: FIXTURE_TODAY });
  const lines = result.issues.filter((i) => i.severity === 'error').map(formatIssue);

  it.each(HOSTILE.map((c) => [c.id, c] as const))('%s is refused with its file, line and a Chinese message', (_id, c) => {
    const mine = lines.filter((l) => l.startsWith(`${c.check!.file}:`));
    expect(mine, lines.join('\n')).not.toEqual([]);
    expect(
      mine.some((l) => c.check!.line!.test(l)),
      mine.join('\n'),
    ).toBe(true);
    for (const l of mine) expect(l).toMatch(/^\S+:\d+  \S+  .*[\u4e00-\u9fff]/);
  });

  it('reports each problem on its own line, with no stack trace', () => {
    const report = formatReport(result);
    expect(report).not.toMatch(/^\s+at /m);
    expect(report).toMatch(/^内容检查未通过：\d+ 个错误/m);
  });
});

describe('npm run check on the honest corpus', () => {
  it('passes every honest case: no error in any of their files', () => {
    const result = checkProject(honest.dir, { today: FIXTURE_TODAY });
    expect(result.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(result.content.posts.map((p) => p.id)).toEqual(
      expect.arrayContaining(HONEST.filter((c) => c.id !== 'ok-yaml-merge').map((c) => c.id)),
    );
  });
});

describe('the report', () => {
  it(`lists the first ${REPORT_LIMIT} problems and says how many more there are`, () => {
    const rows = Array.from({ length: 300 }, (_, i) => `2026-${String((i % 12) + 1).padStart(2, '0')},nobody-${i},badge,1`);
    const corpus = makeCorpus('check-many', [
      {
        id: 'many',
        class: '不崩溃',
        files: { 'data/observations/h-many.csv': `period,unit,metric,value\n${rows.join('\n')}\n` },
        build: 'checker',
      },
    ]);
    try {
      const report = formatReport(checkProject(corpus.dir, { today: FIXTURE_TODAY })).split('\n');
      expect(report).toHaveLength(REPORT_LIMIT + 2);
      expect(report.at(-2)).toMatch(/^……另有 \d+ 个问题未列出（只列前 200 个）/);
    } finally {
      corpus.remove();
    }
  });
});
