import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitDates } from '../../src/data/git-dates.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'git-dates-'));
  dirs.push(dir);
  return dir;
}

function run(dir: string, args: string[], date?: string) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.org',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.org',
  };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  const r = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

describe('gitDates', () => {
  const dir = repo();
  run(dir, ['init', '-q', '-b', 'main']);
  mkdirSync(join(dir, 'src/content/measures'), { recursive: true });
  writeFileSync(join(dir, 'src/content/measures/1-1.md'), 'a');
  writeFileSync(join(dir, 'src/content/measures/1-2.md'), 'b');
  run(dir, ['add', '.']);
  // 23:30 UTC on 1 Sep is 07:30 on 2 Sep in Shanghai.
  run(dir, ['commit', '-qm', 'first'], '2026-09-01T23:30:00Z');
  writeFileSync(join(dir, 'src/content/measures/1-2.md'), 'b changed');
  run(dir, ['commit', '-qam', 'second'], '2026-10-15T02:00:00Z');
  writeFileSync(join(dir, 'README.md'), 'not content');
  run(dir, ['add', '.']);
  run(dir, ['commit', '-qm', 'third'], '2026-11-20T02:00:00Z');

  it('gives each content file the date of its last modifying commit, in Shanghai time', () => {
    const { dates, unavailable } = gitDates(dir);
    expect(unavailable).toBeUndefined();
    expect(dates.get('src/content/measures/1-2.md')).toBe('2026-10-15');
  });

  it('gives no date to a file only added, never changed since (the day the repository was set up is not news)', () => {
    expect(gitDates(dir).dates.has('src/content/measures/1-1.md')).toBe(false);
  });

  it('dates a change in Shanghai time', () => {
    writeFileSync(join(dir, 'src/content/measures/1-1.md'), 'a changed');
    // 23:30 UTC on 1 Nov is 07:30 on 2 Nov in Shanghai.
    run(dir, ['commit', '-qam', 'fourth'], '2026-11-01T23:30:00Z');
    expect(gitDates(dir).dates.get('src/content/measures/1-1.md')).toBe('2026-11-02');
  });

  it('gives no dates, and says why, in a shallow clone', () => {
    const shallow = repo();
    rmSync(shallow, { recursive: true });
    run(tmpdir(), ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
    expect(gitDates(shallow)).toEqual({ unavailable: 'shallow', dates: new Map() });
  });

  it('gives no dates outside a git work tree', () => {
    expect(gitDates(repo())).toEqual({ unavailable: 'no-git', dates: new Map() });
  });
});
