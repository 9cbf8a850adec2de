/**
 * Lays security cases over the valid fixture corpus in a temporary folder — a whole project
 * copy when it is to be built — and runs the build's steps on it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyProject } from '../../scripts/copy-project.ts';
import { PROJECT_ROOT, VALID_FIXTURE } from '../helpers/fixtures.ts';
import type { SecurityCase } from './cases.ts';

export interface Corpus {
  dir: string;
  remove: () => void;
}

/** A folder with the valid fixture's content and data, `public/`, and every case's files. */
export function makeCorpus(name: string, cases: readonly SecurityCase[], options: { project?: boolean } = {}): Corpus {
  const dir = mkdtempSync(join(tmpdir(), `security-${name}-`));
  if (options.project) {
    copyProject(PROJECT_ROOT, dir);
    rmSync(join(dir, 'src/content'), { recursive: true });
    rmSync(join(dir, 'data'), { recursive: true });
  } else {
    cpSync(join(PROJECT_ROOT, 'public'), join(dir, 'public'), { recursive: true });
  }
  cpSync(join(VALID_FIXTURE, 'src/content'), join(dir, 'src/content'), { recursive: true });
  cpSync(join(VALID_FIXTURE, 'data'), join(dir, 'data'), { recursive: true });
  for (const c of cases) {
    for (const [path, content] of Object.entries(c.files)) {
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      rmSync(target, { force: true });
      if (typeof content === 'object' && 'symlink' in content) symlinkSync(content.symlink, target);
      else writeFileSync(target, content);
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Removes the checker from the project's Astro config, to show what the build does on its own. */
export function withoutChecker(dir: string): void {
  const config = join(dir, 'astro.config.mjs');
  const text = readFileSync(config, 'utf8');
  // Whatever the formatting of the integrations list (one line or one per line).
  const changed = text.replace(/contentCheck\(\),\s*/, '');
  if (changed === text) throw new Error('astro.config.mjs no longer lists contentCheck(): update tests/security/corpus.ts');
  writeFileSync(config, changed);
}

const run = (dir: string, args: string[]): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ASTRO_TELEMETRY_DISABLED: '1', SOURCE_DATE_EPOCH: '1795651200' },
    maxBuffer: 64 * 1024 * 1024,
  });

/** `astro build`, which is the whole of `npm run build`: pages, search index, /admin/, gate, manifest. */
export const astroBuild = (dir: string) => run(dir, ['node_modules/astro/bin/astro.mjs', 'build']);
/** The final gate on its own, over an existing dist/. */
export const distGate = (dir: string) => run(dir, [join(PROJECT_ROOT, 'scripts/dist-gate.ts'), join(dir, 'dist'), dir]);

/** Output that looks like a JavaScript stack trace. */
export const STACK_TRACE = /^\s+at .+[:(]\d+/m;
