/**
 * Builds the display-screen fixture: the valid checker corpus with tests/fixtures/kiosk laid
 * over it (a 300-character urgent notice, an ordinary notice, 60-character area and measure
 * titles, ten open deadlines, the three screen sizes plus a blank-at-night one, and a public
 * address). A real `astro build` on a copy of the project, a few seconds for this small corpus;
 * the shipped content is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from '../../scripts/copy-project.ts';
import { PROJECT_ROOT, VALID_FIXTURE } from './fixtures.ts';

export const KIOSK_FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/kiosk');
/** The public address in the fixture's settings. */
export const FIXTURE_SITE_URL = 'https://dj.example.gov.cn/';

export interface FixtureBuild {
  root: string;
  dist: string;
  /** Everything the build printed. */
  output: string;
  remove: () => void;
}

/**
 * Builds the fixture into a temporary folder. `withoutAddress` removes the settings' `url`, to
 * see what a build without a public address does.
 */
export function buildKioskFixture(options: { withoutAddress?: boolean } = {}): FixtureBuild {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-fixture-'));
  copyProject(PROJECT_ROOT, root);
  rmSync(join(root, 'src/content'), { recursive: true, force: true });
  rmSync(join(root, 'data'), { recursive: true, force: true });
  cpSync(join(VALID_FIXTURE, 'src/content'), join(root, 'src/content'), { recursive: true });
  cpSync(join(VALID_FIXTURE, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(KIOSK_FIXTURE, 'src/content'), join(root, 'src/content'), { recursive: true });
  if (options.withoutAddress) {
    const settings = join(root, 'src/content/settings/site.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^url: .*\n/m, ''));
  }
  const env: Record<string, string | undefined> = { ...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26, 4) / 1000) };
  delete env['SITE_URL'];
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: root, encoding: 'utf8', env });
  const output = run.stdout + run.stderr;
  if (run.status !== 0) throw new Error(`显示屏测试内容构建失败：\n${output.slice(-3000)}`);
  return { root, dist: join(root, 'dist'), output, remove: () => rmSync(root, { recursive: true, force: true }) };
}
