import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject, formatIssue } from '../../src/checker/index.ts';
import { FIXTURE_TODAY, INVALID_FIXTURES, loadCase, VALID_FIXTURE } from '../helpers/fixtures.ts';

const cases = readdirSync(INVALID_FIXTURES).sort();

describe('the valid fixture corpus', () => {
  it('gives no error and no warning, and loads every entry and row', () => {
    const result = checkProject(VALID_FIXTURE, { today: FIXTURE_TODAY });
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.content.measures.map((m) => m.id)).toEqual(['1-1', '1-2']);
    expect(result.content.posts).toHaveLength(2);
    // Both encodings load: the GB18030 file's Chinese unit name survives.
    expect(result.content.observations.map((r) => r.data.unit)).toEqual(['X村党支部', 'x-cun', 'djb']);
  });
});

/**
 * The cases share checker runs: each run reads the whole corpus, and most cases break files no
 * other case touches and are reported only in those files. Such cases are laid over the corpus
 * together, one run per batch, and each case reads its own files' lines from it. A batch's run
 * counts only when its whole report is exactly the union of its cases' expected lines (nothing
 * missing, nothing extra anywhere): then each case's lines are its own. Otherwise, and for the
 * cases reported in files they do not lay (a count on plan.md, a duplicate of a corpus file),
 * the case gets a run of its own, as before.
 */
const loaded = new Map(cases.map((name) => [name, loadCase(name)]));
const filesOf = (name: string) => new Set(loaded.get(name)!.overrides.keys());
/** Every line of the case's report names a file the case lays over the corpus. */
const reportedInOwnFiles = (name: string) =>
  loaded
    .get(name)!
    .expected.every((line) => [...filesOf(name)].some((file) => line.startsWith(`${file}:`) || line.startsWith(`${file}  `)));

const batches: string[][] = [];
for (const name of cases) {
  const batch = reportedInOwnFiles(name)
    ? batches.find((b) => b.every((other) => reportedInOwnFiles(other) && [...filesOf(name)].every((f) => !filesOf(other).has(f))))
    : undefined;
  if (batch) batch.push(name);
  else batches.push([name]);
}

const check = (overrides: Map<string, Uint8Array>) => checkProject(VALID_FIXTURE, { overrides, today: FIXTURE_TODAY });
const runs = new Map<string[], ReturnType<typeof check> | undefined>();
/** The batch's run, or undefined when its report is not exactly its cases' lines. */
function batchRun(batch: string[]): ReturnType<typeof check> | undefined {
  if (!runs.has(batch)) {
    const result = check(new Map(batch.flatMap((name) => [...loaded.get(name)!.overrides])));
    const expected = batch.flatMap((name) => loaded.get(name)!.expected).sort();
    runs.set(batch, JSON.stringify(result.issues.map(formatIssue).sort()) === JSON.stringify(expected) ? result : undefined);
  }
  return runs.get(batch);
}

describe('invalid fixtures', () => {
  it('number at least fifteen', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s: the report names file, line, field and message', (name) => {
    const { overrides, expected } = loaded.get(name)!;
    const batch = batches.find((b) => b.includes(name))!;
    const shared = batch.length > 1 ? batchRun(batch) : undefined;
    const issues = shared ? shared.issues.filter((i) => filesOf(name).has(i.file)) : check(overrides).issues;
    expect(issues.map(formatIssue)).toEqual(expected);
    // Every case breaks something: at least one error, so `npm run check` exits 1.
    expect(issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
  });
});
