/**
 * npm run bench [-- N ...]: generates N synthetic measures, N progress records and N posts into
 * a temporary copy of the project, then runs the checker and the build, printing wall seconds
 * and peak memory (max RSS) of each phase. Default N: 200 and 2000.
 *
 * Build time must grow linearly with N: nothing may list every entry on every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { copyProject } from './copy-project.ts';

const ROOT = resolve(import.meta.dirname, '..');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
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
  maxRssMb: number;
  ok: boolean;
}

/** Runs a Node script in `cwd`, reporting wall time and the process's peak memory. */
function run(cwd: string, args: string[]): Phase {
  const rssFile = join(cwd, '.max-rss');
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', join(ROOT, 'scripts/report-rss.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, REPORT_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const maxRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  if (child.status !== 0) process.stderr.write(`${args.join(' ')} failed:\n${child.stdout.slice(-4000)}${child.stderr.slice(-4000)}\n`);
  return { seconds, maxRssMb, ok: child.status === 0 };
}

const results: { n: number; check: Phase; build: Phase; pages: number }[] = [];
for (const n of sizes.length > 0 ? sizes : [200, 2000]) {
  const dir = mkdtempSync(join(tmpdir(), `bench-${n}-`));
  try {
    copyProject(ROOT, dir);
    mkdirSync(join(dir, 'src/content/updates'), { recursive: true });
    generate(dir, n);
    const check = run(dir, ['scripts/check.ts']);
    const build = run(dir, ['node_modules/astro/bin/astro.mjs', 'build']);
    const pages = build.ok ? readdirSync(join(dir, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length : 0;
    results.push({ n, check, build, pages });
    console.log(
      `N=${n}: check ${check.seconds.toFixed(1)} s, ${check.maxRssMb.toFixed(0)} MB; build ${build.seconds.toFixed(1)} s, ${build.maxRssMb.toFixed(0)} MB, ${pages} pages${check.ok && build.ok ? '' : ' (FAILED)'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('\n| N each (measures, records, posts) | check s | check peak MB | build s | build peak MB | pages | build ms per page |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.n} | ${r.check.seconds.toFixed(1)} | ${r.check.maxRssMb.toFixed(0)} | ${r.build.seconds.toFixed(1)} | ${r.build.maxRssMb.toFixed(0)} | ${r.pages} | ${((r.build.seconds * 1000) / Math.max(1, r.pages)).toFixed(1)} |`,
  );
}
if (results.some((r) => !r.check.ok || !r.build.ok)) process.exitCode = 1;
