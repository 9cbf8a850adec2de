/** Helpers shared by the checker tests: fixture overlays and the shipped project's files. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const VALID_FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/valid');
export const INVALID_FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/invalid');
/** The date the fixtures are checked on, so warnings about future dates do not depend on the clock. */
export const FIXTURE_TODAY = '2026-11-26';

/** Every file under `dir`, as paths relative to it with `/`. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** An invalid case: the files it overlays on the valid corpus, and the report it expects. */
export function loadCase(name: string): { overrides: Map<string, Uint8Array>; expected: string[] } {
  const dir = join(INVALID_FIXTURES, name);
  const overrides = new Map<string, Uint8Array>();
  for (const file of listFiles(dir)) if (file !== 'expected.txt') overrides.set(file, readFileSync(join(dir, file)));
  const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
  return { overrides, expected };
}

/**
 * A plan text written for the tests: the example plans (examples/<name>/方案.txt, which CI also
 * builds into sites) or the other parser fixtures (tests/fixtures/plans/).
 */
export function planFixturePath(name: string): string {
  const example = join(PROJECT_ROOT, 'examples', name.replace(/\.txt$/, ''), '方案.txt');
  return existsSync(example) ? example : join(PROJECT_ROOT, 'tests/fixtures/plans', name);
}
