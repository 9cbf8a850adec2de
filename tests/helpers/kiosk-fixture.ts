/**
 * Builds the display-screen fixture: the valid checker corpus with tests/fixtures/kiosk laid
 * over it (a 300-character urgent notice, an ordinary notice, 60-character area and measure
 * titles, ten open deadlines, the three screen sizes plus a blank-at-night one, and a public
 * address). A real `astro build` on a copy of the project, a few seconds for this small corpus;
 * the shipped content is never touched. The tests that only read the build share one per test
 * run (`sharedKioskFixture`): each build costs 30–60 s on a loaded machine.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
export function buildKioskFixture(options: { withoutAddress?: boolean; root?: string } = {}): FixtureBuild {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'kiosk-fixture-'));
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

/** The folder of this test run's shared build (the run id is set in vitest.config.ts), or undefined outside vitest. */
export function sharedFixtureRoot(): string | undefined {
  const run = process.env['YISHU_TEST_RUN'];
  return run ? join(tmpdir(), `kiosk-fixture-shared-${run}`) : undefined;
}

/**
 * The fixture built once per test run and shared by every test file that only reads it (test
 * files run in parallel workers: the first to ask builds, the others wait for it). Its `remove`
 * does nothing; the run's global teardown (tests/helpers/global-setup.ts) removes the folder.
 * Copy `dist` before changing anything in it.
 */
export function sharedKioskFixture(): FixtureBuild {
  const root = sharedFixtureRoot();
  if (!root) return buildKioskFixture();
  const ready = join(root, '.fixture-ready');
  const failed = join(root, '.fixture-failed');
  let owner = false;
  try {
    mkdirSync(root);
    owner = true;
  } catch {
    // Another worker is building it.
  }
  if (owner) {
    try {
      const build = buildKioskFixture({ root });
      writeFileSync(ready, build.output);
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
  } else {
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    const start = Date.now();
    while (!existsSync(ready)) {
      if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
      if (Date.now() - start > 300_000) throw new Error(`显示屏测试内容的共享构建 5 分钟内没有完成：${root}`);
      Atomics.wait(sleeper, 0, 0, 250);
    }
  }
  return { root, dist: join(root, 'dist'), output: readFileSync(ready, 'utf8'), remove: () => {} };
}
