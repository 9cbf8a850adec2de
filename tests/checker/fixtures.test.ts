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

describe('invalid fixtures', () => {
  it('number at least fifteen', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s: the report names file, line, field and message', (name) => {
    const { overrides, expected } = loadCase(name);
    const result = checkProject(VALID_FIXTURE, { overrides, today: FIXTURE_TODAY });
    expect(result.issues.map(formatIssue)).toEqual(expected);
    // Every case breaks something: at least one error, so `npm run check` exits 1.
    expect(result.errors).toBeGreaterThan(0);
  });
});
