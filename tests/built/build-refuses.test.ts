/**
 * `astro build` refuses content the checker refuses, naming file, line and field: the build
 * cannot be run around the checker. Runs a real build on a copy of the project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/copy-project.ts';
import { PROJECT_ROOT, VALID_FIXTURE } from '../helpers/fixtures.ts';

const copy = mkdtempSync(join(tmpdir(), 'build-refuses-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('astro build with broken content', () => {
  it('stops before building and prints the same lines as npm run check', () => {
    // The valid fixture corpus, so the expected lines do not depend on the shipped plan.
    copyProject(PROJECT_ROOT, copy);
    for (const part of ['src/content', 'data']) {
      rmSync(join(copy, part), { recursive: true, force: true });
      cpSync(join(VALID_FIXTURE, part), join(copy, part), { recursive: true });
    }
    const measure = join(copy, 'src/content/measures/1-1.md');
    const text = readFileSync(measure, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('deadline: ')) + 1;
    writeFileSync(measure, text.replace(/^deadline: .*$/m, 'deadline: 2026-02-30'));
    const post = join(copy, 'src/content/posts/with-cover.md');
    writeFileSync(post, `${readFileSync(post, 'utf8')}\n联系电话 13812345678\n`);

    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    const output = run.stdout + run.stderr;
    expect(run.status).not.toBe(0);
    expect(line).toBeGreaterThan(1);
    expect(output).toContain(`src/content/measures/1-1.md:${line}  deadline  整改时限：日期 YYYY-MM-DD、待定或长期，例如 2026-12-31`);
    expect(output).toMatch(/src\/content\/posts\/with-cover\.md:\d+  个人信息  发现手机号码 138\*\*\*\*5678/);
    expect(output).toContain('内容检查未通过（2 个错误）');
    expect(output).not.toContain('page(s) built');
    // The checker's report, not Astro's own error for the same date (the collections load while it runs).
    expect(output).not.toContain('does not match collection schema');
  });
});
