/**
 * When each content file last changed, from git history: editors forget to type "last updated"
 * dates (Open SDG's lesson), so pages take them from the commits. Only commits that modify a
 * file count: the commit that added it (the plan's text imported into the repository, often
 * every file at once) is not a change of its content, and dating a measure that nobody has
 * touched to the day the repository was set up would tell readers something happened that day.
 * A shallow clone has no real history, and would date every file to the one commit it holds:
 * then no date is given, and the build says why.
 */
import { spawnSync } from 'node:child_process';
import { dateInShanghai, type CalendarDate } from '../domain/dates.ts';

export interface GitDates {
  /** Why there are no dates, when there are none. */
  unavailable?: 'no-git' | 'shallow';
  /** Project-relative path → date of the last commit that touched it (Asia/Shanghai). */
  dates: ReadonlyMap<string, CalendarDate>;
}

const git = (root: string, args: string[]) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Reads the whole history once: one `git log` for every file under `paths`; files never modified since they were added have no date. */
export function gitDates(root: string, paths: readonly string[] = ['src/content', 'data']): GitDates {
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return { unavailable: 'no-git', dates: new Map() };
  if (git(root, ['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true') return { unavailable: 'shallow', dates: new Map() };
  const prefix = git(root, ['rev-parse', '--show-prefix']).stdout.trim();
  const log = git(root, ['log', '--format=%x00%ct', '--name-only', '--no-renames', '--diff-filter=M', '--', ...paths]);
  const dates = new Map<string, CalendarDate>();
  for (const commit of log.stdout.split('\0').slice(1)) {
    const [time, ...files] = commit.split('\n').filter(Boolean);
    const date = dateInShanghai(new Date(Number(time) * 1000));
    for (const file of files) {
      // Newest commits come first: the first date seen for a file is its last change.
      const path = prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file;
      if (!dates.has(path)) dates.set(path, date);
    }
  }
  return { dates };
}
