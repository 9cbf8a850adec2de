/**
 * npm run bench:gate: the final gate's cost on the shipped site's build. Builds a temporary copy
 * of the project three times (`astro build`, which runs the gate in its release step) and times
 * the gate alone on each result; prints the medians, the gate's share of the build, and the load
 * average (the machine is shared: compare within one run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { copyProject } from './copy-project.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ROUNDS = 3;

function timed(dir: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'bench-gate-'));
try {
  copyProject(ROOT, dir);
  const build: number[] = [];
  const gate: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    // `astro build` is the whole release (the gate included); the gate is then timed on its own.
    build.push(timed(dir, ['node_modules/astro/bin/astro.mjs', 'build']));
    gate.push(timed(dir, ['scripts/dist-gate.ts']));
    console.log(`round ${i + 1}: build ${build.at(-1)!.toFixed(2)} s, gate alone ${gate.at(-1)!.toFixed(2)} s`);
  }
  const share = (100 * median(gate)) / median(build);
  console.log(
    `median of ${ROUNDS}: whole build (gate included) ${median(build).toFixed(2)} s, gate alone ${median(gate).toFixed(2)} s (${share.toFixed(1)} % of the build)`,
  );
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
