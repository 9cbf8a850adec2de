/**
 * npm run new, driven non-interactively: the files it writes pass the checker, a bad answer
 * gets a Chinese message and no file, a missing field names its flag. The cases call runNew()
 * in this process (a process start costs more than the checker run); one runs the real CLI.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { fileName, recordMarkdown } from '../../src/cli/scaffold.ts';
import { runNew } from '../../scripts/new.ts';
import { PROJECT_ROOT, VALID_FIXTURE } from '../helpers/fixtures.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'scaffold-'));
  // The valid fixture corpus, not the shipped content: what the CLI writes must not depend on the plan the site ships.
  for (const part of ['src/content', 'data']) cpSync(join(VALID_FIXTURE, part), join(root, part), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SOURCE_DATE_EPOCH = String(Date.UTC(2026, 11, 4, 2) / 1000);
/** What the CLI would give: its exit code, stdout and stderr. */
async function scaffold(...args: string[]) {
  let stdout = '';
  const { code, error } = await runNew([...args, '--root', root, '--yes'], {
    out: (line) => (stdout += `${line}\n`),
    interactive: false,
    env: { ...process.env, SOURCE_DATE_EPOCH },
  });
  return { status: code, stdout, stderr: error === undefined ? '' : `${error}\n` };
}
const errorsIn = (file: string) =>
  checkProject(root, { today: '2026-12-04' }).issues.filter((i) => i.severity === 'error' && i.file === file);

describe('npm run new', () => {
  it('writes a progress record that passes the checker, dated today by default', async () => {
    const run = await scaffold(
      'record',
      '--measures',
      '1-1,1-2',
      '--units',
      'x-cun',
      '--title',
      'X村党支部开展12月主题党日',
      '--status',
      '长期坚持',
      '--evidence',
      '签到表（存党支部）',
    );
    expect(run.status, run.stderr).toBe(0);
    const file = 'src/content/updates/2026-12-04-1-1-1-2-x-cun.md';
    expect(run.stdout).toContain(`已写入 ${file}`);
    expect(errorsIn(file)).toEqual([]);
    expect(readFileSync(join(root, file), 'utf8')).toContain('date: 2026-12-04');
  });

  it('writes a post and copies its cover beside it', async () => {
    const run = await scaffold(
      'post',
      '--title',
      '12月主题党日',
      '--summary',
      '各支部开展主题党日。',
      '--image',
      join(VALID_FIXTURE, 'src/content/posts/cover.jpg'),
      '--image-alt',
      '党员在会场学习',
      '--units',
      'x-cun',
    );
    expect(run.status, run.stderr).toBe(0);
    const posts = readdirSync(join(root, 'src/content/posts')).filter((f) => f.startsWith('2026-12-04'));
    expect(posts.sort()).toEqual(['2026-12-04-yishu.jpg', '2026-12-04-yishu.md']);
    expect(errorsIn('src/content/posts/2026-12-04-yishu.md')).toEqual([]);
  });

  it('writes a notice', async () => {
    const run = await scaffold(
      'notice',
      '--title',
      '1月主题党日安排',
      '--start',
      '2026-12-28 08:00',
      '--end',
      '2027-01-01 18:00',
      '--urgent',
    );
    expect(run.status, run.stderr).toBe(0);
    expect(errorsIn('src/content/notices/2026-12-28-notice.md')).toEqual([]);
  });

  it('writes a notice with the event’s own date and the measures it concerns', async () => {
    const run = await scaffold(
      'notice',
      '--title',
      '2月主题党日安排',
      '--date',
      '2027-02-05',
      '--start',
      '2027-01-25 08:00',
      '--end',
      '2027-02-05 18:00',
      '--measures',
      '1-2',
    );
    expect(run.status, run.stderr).toBe(0);
    const file = 'src/content/notices/2027-01-25-notice.md';
    expect(readFileSync(join(root, file), 'utf8')).toMatch(/^date: 2027-02-05$/m);
    expect(errorsIn(file)).toEqual([]);
  });

  it('refuses a bad answer with the checker’s Chinese message and writes nothing', async () => {
    const before = readdirSync(join(root, 'src/content/updates')).length;
    const run = await scaffold('record', '--measures', '9-9', '--units', 'x-cun', '--title', '错误的记录');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('没有写入文件');
    expect(run.stderr).toContain('measures[0]  找不到条目“9-9”');
    const date = await scaffold('record', '--measures', '1-1', '--units', 'x-cun', '--title', '错误的日期', '--date', '2026-02-30');
    expect(date.status).toBe(1);
    expect(date.stderr).toContain('date  日期 2026-02-30 不存在（该月没有这一天）');
    expect(readdirSync(join(root, 'src/content/updates'))).toHaveLength(before);
  });

  it('names the flag of a missing field when it cannot ask', async () => {
    const run = await scaffold('record', '--units', 'x-cun');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('缺少 --measures（涉及哪些整改措施），多个用逗号分隔。\n');
  });

  it('refuses an unknown kind with its usage, as a command with exit code 2', () => {
    const run = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/new.ts'), 'report', '--root', root, '--yes'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('用法：npm run new -- record');
    expect(run.stdout).toBe('');
  });
});

describe('scaffold helpers', () => {
  it('make readable, unique file names', () => {
    const taken = new Set(['2026-12-04-3-1-x-cun']);
    expect(fileName('2026-12-04', ['3-1', 'x-cun'], (n) => taken.has(n))).toBe('2026-12-04-3-1-x-cun-2');
    expect(fileName('2026-12-04', ['X村!'], () => false)).toBe('2026-12-04-x-');
    expect(existsSync(root)).toBe(true);
  });
  it('leave out empty fields and write a placeholder body', () => {
    const text = recordMarkdown({ title: '标题', date: '2026-12-04', measures: ['1-1'], units: ['djb'], evidence: [] });
    expect(text).not.toContain('evidence');
    expect(text).not.toContain('status');
    expect(text).toMatch(/^---\ntitle: 标题\ndate: 2026-12-04\n/);
  });
});
