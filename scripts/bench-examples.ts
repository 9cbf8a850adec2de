/**
 * npm run bench:examples -- [rounds]: from a plan to a built site, for each example plan
 * (examples/): the seconds `npm run example` spends importing and building, median of 3 rounds,
 * against a baseline measured in the same rounds: building a copy of this project with its own
 * content. Prints the load average, since the machine is shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { entryCollections } from '../src/schemas/collections.ts';
import { copyProject } from './copy-project.ts';
import { buildExample, exampleNames } from './example.ts';

const ROOT = resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = new Map<string, { import: number[]; build: number[]; items: number }>();
const baseline: number[] = [];

for (let round = 1; round <= rounds; round += 1) {
  // The shipped content's build, in the same round: what the example builds compare against.
  const dir = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  copyProject(ROOT, dir);
  const started = performance.now();
  const r = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`基准构建失败：\n${r.stdout}${r.stderr}`);
  baseline.push((performance.now() - started) / 1000);
  rmSync(dir, { recursive: true, force: true });
  for (const name of exampleNames()) {
    const out = mkdtempSync(join(tmpdir(), `bench-example-${name}-`));
    const run = buildExample(name, out);
    const entry = seconds.get(name) ?? { import: [], build: [], items: readdirSync(join(out, entryCollections.measures.dir)).length };
    entry.import.push(run.importSeconds);
    entry.build.push(run.buildSeconds!);
    seconds.set(name, entry);
    rmSync(out, { recursive: true, force: true });
  }
  console.log(
    `round ${round}/${rounds} done, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

console.log(
  `\nbaseline (shipped content, npm run build): median ${median(baseline).toFixed(1)} s (${baseline.map((s) => s.toFixed(1)).join(', ')})`,
);
for (const [name, s] of seconds) {
  const total = s.import.map((v, i) => v + s.build[i]!);
  console.log(
    `${name}: ${s.items} items; import median ${median(s.import).toFixed(1)} s, build median ${median(s.build).toFixed(1)} s, import → built site median ${median(total).toFixed(1)} s (${total.map((v) => v.toFixed(1)).join(', ')}); ${(median(s.build) / median(baseline)).toFixed(2)}× the baseline build`,
  );
}
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
