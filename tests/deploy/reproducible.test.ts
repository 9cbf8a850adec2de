/**
 * Reproducible builds: two clean builds of the same sources, in different folders, give the
 * same files byte for byte (compared through their manifests). The only date in the output is
 * 数据截至, taken from SOURCE_DATE_EPOCH here.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/copy-project.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A clean build in a fresh copy of the project; the two builds run side by side, one per core. */
async function cleanBuild(epoch: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'repro-'));
  dirs.push(dir);
  copyProject(PROJECT_ROOT, dir);
  const child = spawn('npm', ['run', 'build'], {
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: epoch, PATH: `${join(process.execPath, '..')}:${process.env['PATH']}` },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (status !== 0) throw new Error(output.slice(-4000));
  return readFileSync(join(dir, 'dist/manifest.sha256'), 'utf8');
}

describe('two clean builds of the same commit', () => {
  it('are identical, file for file', async () => {
    const epoch = String(Date.UTC(2026, 10, 26, 4) / 1000);
    const [first, second] = await Promise.all([cleanBuild(epoch), cleanBuild(epoch)]);
    const differing = first
      .split('\n')
      .filter((line, i) => line !== second.split('\n')[i])
      .map((line) => line.split('  ')[1]);
    expect(differing).toEqual([]);
    expect(second).toBe(first);
    expect(first.split('\n').length).toBeGreaterThan(100);
    expect(first).toContain('  index.html');
    // The data-as-of date is the one given, not the build machine's clock.
    const home = readFileSync(join(dirs[0]!, 'dist/index.html'), 'utf8');
    expect(home).toContain('数据截至 2026年11月26日');
  });
});
