/** The report-test corpus: the valid fixtures with tests/fixtures/report overlaid, through the checker's loader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from '../../src/checker/index.ts';
import type { LoadedContent } from '../../src/checker/load.ts';
import { reportFromContent, reportSourceOf } from '../../src/domain/report/adapter.ts';
import type { ProgressReport } from '../../src/domain/report/model.ts';
import { FIXTURE_TODAY, listFiles, PROJECT_ROOT, VALID_FIXTURE } from './fixtures.ts';

export const REPORT_FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/report');

/** The overlay: every file under tests/fixtures/report/ except its README. */
export function reportOverrides(): Map<string, Uint8Array> {
  const overrides = new Map<string, Uint8Array>();
  for (const file of listFiles(REPORT_FIXTURE)) if (file !== 'README.md') overrides.set(file, readFileSync(join(REPORT_FIXTURE, file)));
  return overrides;
}

/** The corpus's content, which must check without errors. */
export function reportContent(): LoadedContent {
  const result = checkProject(VALID_FIXTURE, { overrides: reportOverrides(), today: FIXTURE_TODAY });
  if (result.errors > 0) throw new Error(`report fixture has errors: ${JSON.stringify(result.issues)}`);
  return result.content;
}

export function fixtureReport(asOf: string): ProgressReport {
  return reportFromContent(reportSourceOf(reportContent()), asOf);
}
