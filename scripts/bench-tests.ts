/**
 * npm run bench:tests -- [base-commit]: the whole `npm test` (BENCH_TEST_COMMAND for another) of a base commit (default 9406307,
 * the commit the test suite's speed was first measured on) against the working tree, on this
 * machine, in one run: BENCH_RUNS runs of each (default 1), alternating, so both see the same load.
 *
 * The base runs in a temporary clone with its own `npm ci`; the working tree runs where it is,
 * uncommitted changes included. Both run with the Node that scripts/use-node24.sh gives. Before
 * every run both lose the caches a first run on a fresh clone would not have (Vite's and vitest's,
 * which also orders the test files by their last durations, Astro's content store, Node's compile
 * cache), so neither side starts warm.
 *
 * Prints, per run, the wall time, the user+sys CPU time of the whole process tree, the load average
 * before and after, and the passed/failed/skipped test counts; then the medians and their ratio.
 * The CPU time counts every process the tests start, Chromium's renderers included: those are
 * orphaned when their browser exits, so the run goes into a PID namespace of its own (`unshare`),
 * whose first process collects them. It gets its own /proc too (`--mount-proc`): the tests that
 * look up their child processes there (tests/dev/live-check.test.ts) must see the same process
 * ids as their children have. Without the right to make one (not root), the figure leaves
 * them out, and the script says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BASE = process.argv[2] ?? '9406307';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 1);
const TIME = '/usr/bin/time';
/** What is timed; another command (`npx vitest run tests/unit`) times a part of the suite the same way. */
const COMMAND = process.env['BENCH_TEST_COMMAND'] ?? 'npm test';

interface Run {
  wall: number;
  cpu: number;
  loadBefore: string;
  loadAfter: string;
  exit: number;
  log: string;
  passed: number;
  failed: number;
  skipped: number;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function sh(command: string, cwd: string): string {
  const r = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} (in ${cwd}) failed:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** A PID namespace with its own /proc (see above). */
const NAMESPACE = ['unshare', '--pid', '--fork', '--kill-child', '--mount-proc'];
/** Whether this process may start a command in one. */
const canUnshare = spawnSync(NAMESPACE[0]!, [...NAMESPACE.slice(1), 'true']).status === 0;
if (!existsSync(TIME)) {
  console.error(`${TIME} is missing: apt-get install time`);
  process.exit(2);
}

/** The Node of scripts/use-node24.sh (this checkout's), then the command. */
const withNode = (command: string) => `. ${JSON.stringify(join(ROOT, 'scripts/use-node24.sh'))} && ${command}`;

/** One `npm test` in `dir`, from cold caches. */
function npmTest(dir: string, label: string, round: number): Run {
  for (const cache of ['node_modules/.vite', 'node_modules/.astro', 'node_modules/.cache', '.astro'])
    rmSync(join(dir, cache), { recursive: true, force: true });
  const times = join(tmpdir(), `bench-tests-${process.pid}.time`);
  const log = join(tmpdir(), `bench-tests-${process.pid}-${label}-${round}.log`);
  const namespace = canUnshare ? NAMESPACE : [];
  const loadBefore = load();
  const r = spawnSync(
    TIME,
    ['-f', '%e %U %S', '-o', times, ...namespace, 'bash', '-c', withNode(`${COMMAND} > ${JSON.stringify(log)} 2>&1`)],
    { cwd: dir, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
  );
  const loadAfter = load();
  const [wall, user, sys] = readFileSync(times, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(times, { force: true });
  // vitest's summary line: "Tests  2 failed | 1156 passed | 1 skipped (1159)".
  const summary = /^\s*Tests\s+(.*)$/m.exec(readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? '';
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(summary)?.[1] ?? 0);
  return {
    wall: wall!,
    cpu: user! + sys!,
    loadBefore,
    loadAfter,
    exit: r.status ?? 1,
    log,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
  };
}

const describe = (label: string, r: Run) =>
  `${label}: wall ${r.wall.toFixed(1)} s, cpu (user+sys) ${r.cpu.toFixed(1)} s, tests ${r.passed} passed / ${r.failed} failed / ${r.skipped} skipped, exit ${r.exit}${r.exit === 0 ? '' : ` (output: ${r.log})`}, load ${r.loadBefore} → ${r.loadAfter}`;

const clone = mkdtempSync(join(tmpdir(), 'bench-tests-base-'));
try {
  console.log(`base ${BASE}: cloning into ${clone} and running npm ci …`);
  sh(`git clone --quiet ${JSON.stringify(ROOT)} . && git checkout --quiet ${BASE}`, clone);
  const commit = sh('git rev-parse --short HEAD', clone).trim();
  sh(withNode('npm ci --no-audit --no-fund --loglevel=error'), clone);
  const head = sh('git rev-parse --short HEAD', ROOT).trim();
  const dirty = sh('git status --porcelain', ROOT).trim() !== '';
  console.log(`working tree: ${ROOT} (${head}${dirty ? ' with uncommitted changes' : ''}); ${RUNS} run(s) each, alternating`);
  if (!canUnshare) console.log('unshare is not allowed here: the CPU time leaves out Chromium renderers orphaned by their browser');

  const results: Record<'base' | 'tree', Run[]> = { base: [], tree: [] };
  for (let i = 0; i < RUNS; i += 1) {
    // The first of a pair runs on a machine the other has just warmed (page cache): swap each round.
    const order = i % 2 === 0 ? (['base', 'tree'] as const) : (['tree', 'base'] as const);
    for (const side of order) {
      const r = npmTest(side === 'base' ? clone : ROOT, side, i + 1);
      results[side].push(r);
      console.log(describe(`run ${i + 1} ${side === 'base' ? `base ${commit}` : 'working tree'}`, r));
    }
  }
  const m = (side: 'base' | 'tree', key: 'wall' | 'cpu') => median(results[side].map((r) => r[key]));
  console.log(
    `median of ${RUNS}: base ${commit} wall ${m('base', 'wall').toFixed(1)} s, cpu ${m('base', 'cpu').toFixed(1)} s; ` +
      `working tree wall ${m('tree', 'wall').toFixed(1)} s, cpu ${m('tree', 'cpu').toFixed(1)} s; ` +
      `ratio tree/base: wall ${(m('tree', 'wall') / m('base', 'wall')).toFixed(2)}, cpu ${(m('tree', 'cpu') / m('base', 'cpu')).toFixed(2)}`,
  );
  console.log(`load average now: ${load()} (1, 5, 15 min; the machine is shared)`);
  if ([...results.base, ...results.tree].some((r) => r.exit !== 0)) process.exitCode = 1;
} finally {
  rmSync(clone, { recursive: true, force: true });
}
