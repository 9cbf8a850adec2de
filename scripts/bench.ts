/**
 * npm run bench [-- N ...]: generates N synthetic measures, N progress records and N posts into
 * a temporary copy of the project, then runs the checker and the build, printing wall seconds
 * and peak memory (max RSS) of each phase. Default N: 200 and 2000.
 *
 * Beside it, the same entries go into a bare Astro + MDX project (scripts/bench-bare.ts) built
 * in the same run, and the table gives the project's build time as a multiple of the bare one;
 * a second bare project uses Astro's unified Markdown pipeline, as the project does, so the
 * table also shows what that choice costs apart from what the project adds.
 * BENCH_RUNS=3 builds each three times and gives the medians (and the load average, since the
 * machine is shared). BENCH_KEEP=1 keeps the generated projects, to profile their builds.
 * BENCH_BASE=<commit> also builds that commit's code with the same entries, in the same rounds,
 * so a change's effect is measured side by side rather than against a figure from another day.
 * Every build is also given in CPU seconds (user + system of Node and every thread and child
 * it waits for; not Pagefind's binary, which its Node API leaves unreaped), which a shared
 * machine's load disturbs less than wall time, though two threads racing for one core still
 * inflate it.
 *
 * Build time must grow linearly with N: nothing may list every entry on every page.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBareProject } from './bench-bare.ts';
import { copyProject, linkModules, PROJECT_PARTS } from './copy-project.ts';

const ROOT = resolve(import.meta.dirname, '..');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
/** BENCH_KEEP=1 keeps the generated projects, to profile a build of them by hand. */
const KEEP = process.env['BENCH_KEEP'] === '1';
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 1) || 1);
const BASE = process.env['BENCH_BASE'];
const STATUSES = ['推进中', '已完成', '长期坚持'] as const;
const UNITS = ['dangwei', 'djb', 'x-cun', 'x-shequ', 'x-dangzhibu', 'gexie'];

/** A deterministic pseudo-random sequence, so every run generates the same content. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

function generate(dir: string, n: number) {
  for (const c of ['measures', 'updates', 'posts']) mkdirSync(join(dir, 'src/content', c), { recursive: true });
  const rnd = random(n);
  const measures: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = `${(i % 5) + 1}-${100 + Math.floor(i / 5)}`;
    measures.push(id);
    const deadline = i % 3 === 0 ? '长期' : `2026-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`;
    writeFileSync(
      join(dir, 'src/content/measures', `${id}.md`),
      `---\ntitle: 合成措施 ${id} 加强党员教育管理\nowners: [${UNITS[i % UNITS.length]}]\ndeadline: ${deadline}\n---\n\n第 ${i} 项合成措施的原文。${'按照常态化制度化要求，加强对支部开展组织生活的监管。'.repeat(4)}\n`,
    );
  }
  const records = join(dir, 'src/content/updates');
  for (let i = 0; i < n; i += 1) {
    const m = measures[Math.floor(rnd() * measures.length)]!;
    const status = STATUSES[i % STATUSES.length]!;
    const date = `2026-${pad((i % 10) + 1)}-${pad((i % 28) + 1)}`;
    writeFileSync(
      join(records, `bench-${i}.md`),
      `---\ntitle: 合成记录 ${i}\ndate: ${date}\nmeasures: [${m}]\nunits: [${UNITS[i % UNITS.length]}]\nstatus: ${status}\nevidence: [会议记录]\n---\n\n合成进展记录正文 ${i}。\n`,
    );
  }
  const posts = join(dir, 'src/content/posts');
  for (let i = 0; i < n; i += 1) {
    const m = measures[i % measures.length]!;
    const extension = i % 4 === 0 ? 'mdx' : 'md';
    const body = extension === 'mdx' ? `<Callout type="提示">要点 ${i}</Callout>\n\n见 <MeasureLink id="${m}" />。` : `合成文章正文 ${i}。`;
    writeFileSync(
      join(posts, `bench-${i}.${extension}`),
      `---\ntitle: 合成文章 ${i}\ndate: 2026-${pad((i % 10) + 1)}-${pad((i % 28) + 1)}\ncolumn: yishu-liangqiang\nsummary: 合成摘要 ${i}。\nmeasures: [${m}]\n---\n\n${body}\n`,
    );
  }
}

interface Phase {
  seconds: number;
  /** User + system CPU seconds of the process and every child it waited for. */
  cpu: number;
  maxRssMb: number;
  ok: boolean;
}

/** CPU seconds used so far by the children this process has waited for (Linux: /proc/self/stat). */
function childrenCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime, fields 16 and 17 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Runs a Node script in `cwd`, reporting wall time and the process's peak memory. */
function run(cwd: string, args: string[]): Phase {
  const rssFile = join(cwd, '.max-rss');
  const started = performance.now();
  const cpuBefore = childrenCpu();
  const child = spawnSync(process.execPath, ['--import', join(ROOT, 'scripts/report-rss.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, REPORT_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const maxRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  if (child.status !== 0) process.stderr.write(`${args.join(' ')} failed:\n${child.stdout.slice(-4000)}${child.stderr.slice(-4000)}\n`);
  return { seconds, cpu: childrenCpu() - cpuBefore, maxRssMb, ok: child.status === 0 };
}

/**
 * What a build leaves for the next one: its output (Astro empties dist/ first, which at 12,000
 * files took 15–20 s of the timed build here) and the content store that lets it skip unchanged
 * entries. Removed before every timed build, so each run is a build from a clean checkout, as in CI.
 */
function clean(dir: string) {
  for (const part of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(dir, part), { recursive: true, force: true });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The median run by wall time, so its memory is that run's. */
const medianPhase = (phases: Phase[]): Phase => {
  const seconds = median(phases.map((p) => p.seconds));
  return { ...phases.find((p) => p.seconds === seconds)!, ok: phases.every((p) => p.ok) };
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The project as it was at `commit` (its sources, content and config; today's node_modules). */
function baseProject(commit: string, dir: string) {
  const archive = execFileSync('git', ['archive', '--format=tar', commit, ...PROJECT_PARTS], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  linkModules(ROOT, dir);
}

const results: {
  n: number;
  check: Phase;
  build: Phase;
  bare: Phase;
  bareUnified: Phase;
  base: Phase | undefined;
  pages: number;
  barePages: number;
}[] = [];
const loadBefore = load();
for (const n of sizes.length > 0 ? sizes : [200, 2000]) {
  const dir = mkdtempSync(join(tmpdir(), `bench-${n}-`));
  const bareDir = mkdtempSync(join(tmpdir(), `bench-bare-${n}-`));
  const unifiedDir = mkdtempSync(join(tmpdir(), `bench-bare-unified-${n}-`));
  const baseDir = BASE ? mkdtempSync(join(tmpdir(), `bench-base-${n}-`)) : undefined;
  try {
    copyProject(ROOT, dir);
    generate(dir, n);
    writeBareProject(bareDir, ROOT);
    generate(bareDir, n);
    writeBareProject(unifiedDir, ROOT, 'unified');
    generate(unifiedDir, n);
    if (baseDir) {
      baseProject(BASE!, baseDir);
      generate(baseDir, n);
    }
    const checks: Phase[] = [];
    const builds: Phase[] = [];
    const bares: Phase[] = [];
    const unifieds: Phase[] = [];
    const bases: Phase[] = [];
    // Alternating, so a change in the machine's load falls on both alike.
    for (let i = 0; i < RUNS; i += 1) {
      checks.push(run(dir, ['scripts/check.ts']));
      for (const d of [dir, bareDir, unifiedDir, baseDir]) if (d) clean(d);
      builds.push(run(dir, ['node_modules/astro/bin/astro.mjs', 'build']));
      bares.push(run(bareDir, ['node_modules/astro/bin/astro.mjs', 'build']));
      unifieds.push(run(unifiedDir, ['node_modules/astro/bin/astro.mjs', 'build']));
      if (baseDir) bases.push(run(baseDir, ['node_modules/astro/bin/astro.mjs', 'build']));
    }
    const [check, build, bare] = [medianPhase(checks), medianPhase(builds), medianPhase(bares)];
    const base = baseDir ? medianPhase(bases) : undefined;
    const bareUnified = medianPhase(unifieds);
    const htmlCount = (d: string) =>
      existsSync(join(d, 'dist')) ? readdirSync(join(d, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length : 0;
    const pages = htmlCount(dir);
    const barePages = htmlCount(bareDir);
    results.push({ n, check, build, bare, bareUnified, base, pages, barePages });
    console.log(
      `N=${n}: check ${check.seconds.toFixed(1)} s, ${check.maxRssMb.toFixed(0)} MB; build ${build.seconds.toFixed(1)} s, ${build.maxRssMb.toFixed(0)} MB, ${pages} pages; bare Astro + MDX ${bare.seconds.toFixed(1)} s, ${barePages} pages; with unified ${bareUnified.seconds.toFixed(1)} s${check.ok && build.ok && bare.ok && bareUnified.ok ? '' : ' (FAILED)'}` +
        (RUNS > 1
          ? ` (median of ${RUNS}: build ${builds.map((b) => b.seconds.toFixed(1)).join(', ')}; bare ${bares.map((b) => b.seconds.toFixed(1)).join(', ')}${base ? `; base ${bases.map((b) => b.seconds.toFixed(1)).join(', ')}` : ''})`
          : ''),
    );
  } finally {
    if (KEEP) console.log(`kept: ${dir} ${bareDir} ${unifiedDir} ${baseDir ?? ''}`);
    else for (const d of [dir, bareDir, unifiedDir, baseDir]) if (d) rmSync(d, { recursive: true, force: true });
  }
}

console.log(
  `\n| N each (measures, records, posts) | check s | check peak MB | build s | build CPU s | build peak MB | pages | build ms per page | bare Astro + MDX s | bare CPU s | bare pages | build ÷ bare (wall) | build ÷ bare (CPU) | bare with unified s | build ÷ bare with unified (wall) |${BASE ? ` ${BASE} s | ${BASE} CPU s | ${BASE} ÷ bare |` : ''}`,
);
console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|${BASE ? '---:|---:|---:|' : ''}`);
for (const r of results) {
  console.log(
    `| ${r.n} | ${r.check.seconds.toFixed(1)} | ${r.check.maxRssMb.toFixed(0)} | ${r.build.seconds.toFixed(1)} | ${r.build.cpu.toFixed(1)} | ${r.build.maxRssMb.toFixed(0)} | ${r.pages} | ${((r.build.seconds * 1000) / Math.max(1, r.pages)).toFixed(1)} | ${r.bare.seconds.toFixed(1)} | ${r.bare.cpu.toFixed(1)} | ${r.barePages} | ${(r.build.seconds / r.bare.seconds).toFixed(2)}× | ${(r.build.cpu / r.bare.cpu).toFixed(2)}× | ${r.bareUnified.seconds.toFixed(1)} | ${(r.build.seconds / r.bareUnified.seconds).toFixed(2)}× |` +
      (r.base ? ` ${r.base.seconds.toFixed(1)} | ${r.base.cpu.toFixed(1)} | ${(r.base.seconds / r.bare.seconds).toFixed(2)}× |` : ''),
  );
}
console.log(`\n${RUNS > 1 ? `median of ${RUNS} runs; ` : ''}load average (1, 5, 15 min) before: ${loadBefore}, after: ${load()}`);
if (results.some((r) => !r.check.ok || !r.build.ok || !r.bare.ok || !r.bareUnified.ok || r.base?.ok === false)) process.exitCode = 1;
