/**
 * npm run bench:gate: the final gate's cost on the shipped site's build. Builds a temporary copy
 * of the project three times (astro build, then Pagefind, then the gate, as `npm run build`
 * does) and prints the median wall seconds of the build without the gate, of the gate alone and
 * of the build with it, and the load average (the machine is shared: compare within one run).
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
    const astro = timed(dir, ['node_modules/astro/bin/astro.mjs', 'build']);
    const pagefind = timed(dir, ['node_modules/pagefind/lib/runner/bin.cjs']);
    build.push(astro + pagefind);
    gate.push(timed(dir, ['scripts/dist-gate.ts']));
    console.log(`round ${i + 1}: build ${build.at(-1)!.toFixed(2)} s, gate ${gate.at(-1)!.toFixed(2)} s`);
  }
  const withGate = build.map((b, i) => b + gate[i]!);
  const share = (100 * median(gate)) / median(withGate);
  console.log(
    `median of ${ROUNDS}: build without the gate ${median(build).toFixed(2)} s, gate ${median(gate).toFixed(2)} s, ` +
      `build with the gate ${median(withGate).toFixed(2)} s (${share.toFixed(1)} %)`,
  );
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
