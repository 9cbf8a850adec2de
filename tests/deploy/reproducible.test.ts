/**
 * Reproducible builds: two clean builds of the same sources, in different folders, give the
 * same files byte for byte (compared through their manifests). The only date in the output is
 * 数据截至, taken from SOURCE_DATE_EPOCH, which the fixture builds set.
 *
 * The sources are the display-screen fixture (the valid corpus with tests/fixtures/kiosk over it,
 * which reaches every page template): one build is the one this test run shares
 * (tests/helpers/kiosk-fixture.ts), already made for the screen and page tests, the other a fresh
 * copy built here, so the pair costs one build instead of two.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKioskFixture, sharedKioskFixture, type FixtureBuild } from '../helpers/kiosk-fixture.ts';

const builds: FixtureBuild[] = [];
afterAll(() => builds.forEach((b) => b.remove()));

describe('two clean builds of the same sources', () => {
  it('are identical, file for file', () => {
    builds.push(sharedKioskFixture(), buildKioskFixture());
    const [first, second] = builds.map((b) => readFileSync(join(b.dist, 'manifest.sha256'), 'utf8'));
    expect(builds[0]!.root).not.toBe(builds[1]!.root);
    const differing = first!
      .split('\n')
      .filter((line, i) => line !== second!.split('\n')[i])
      .map((line) => line.split('  ')[1]);
    expect(differing).toEqual([]);
    expect(second).toBe(first);
    expect(first!.split('\n').length).toBeGreaterThan(100);
    expect(first).toContain('  index.html');
    // The data-as-of date is the one given, not the build machine's clock.
    const home = readFileSync(join(builds[0]!.dist, 'index.html'), 'utf8');
    expect(home).toContain('数据截至 2026年11月26日');
  });
});
