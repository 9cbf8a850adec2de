/**
 * `astro dev` keeps checking: a change under src/content re-runs the checker, prints the same
 * Chinese lines as `npm run check` (including for files that refer to the changed one), and
 * while errors remain the browser gets the list of problems instead of the page. Runs a real
 * dev server through `npm run dev`, as the office starts it, on a copy of the project holding the
 * valid fixture corpus; stopping npm must stop that server, with Astro's telemetry off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/copy-project.ts';
import { PROJECT_ROOT, VALID_FIXTURE } from '../helpers/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'dev-check-'));
let server: ChildProcess | undefined;
let output = '';
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Waits until the server's output (from `from` on) contains `text`. */
async function waitForOutput(text: string | RegExp, from: number, timeout = 30_000): Promise<string> {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const seen = output.slice(from);
    if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dev server did not print ${String(text)}; it printed:\n${output.slice(from)}`);
}

const page = (path: string) => fetch(`${base}${path}`, { headers: { accept: 'text/html', 'sec-fetch-dest': 'document' } });

beforeAll(async () => {
  copyProject(PROJECT_ROOT, root);
  for (const part of ['src/content', 'data']) {
    rmSync(join(root, part), { recursive: true, force: true });
    cpSync(join(VALID_FIXTURE, part), join(root, part), { recursive: true });
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PATH: `${dirname(process.execPath)}:${process.env['PATH']}`,
    SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26, 4) / 1000),
  };
  delete env['SITE_URL'];
  // Off by default is what is tested: the scripts must turn it off themselves.
  delete env['ASTRO_TELEMETRY_DISABLED'];
  // Vitest's own variables (NODE_ENV=test, VITEST_*, BASE_URL…) would make the dev server serve nothing.
  for (const key of Object.keys(env)) if (/^(VITEST|VITE_|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|TEST$)/.test(key)) delete env[key];
  server = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await waitForOutput('watching for file changes', 0, 90_000);
  // The first request compiles the page; wait for it so later timings are about the checker.
  const first = await page('/notices/');
  expect(first.status, output).toBe(200);
});

afterAll(() => {
  // The server runs in its own process group (detached), so its children stop with it.
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  }
  rmSync(root, { recursive: true, force: true });
});

describe('live checking in astro dev', () => {
  it('reports a mobile number typed into a notice at once and serves the problems instead of the page', async () => {
    const notice = join(root, 'src/content/notices/n.md');
    const original = readFileSync(notice, 'utf8');
    let from = output.length;
    writeFileSync(notice, `${original}\n联系人电话 13812345678\n`);
    const printed = await waitForOutput('内容检查未通过', from);
    expect(printed).toMatch(/src\/content\/notices\/n\.md:11 {2}个人信息 {2}发现手机号码 138\*\*\*\*5678/);
    expect(printed).not.toContain('13812345678');

    const blocked = await page('/notices/');
    expect(blocked.status).toBe(500);
    const html = await blocked.text();
    expect(html).toContain('src/content/notices/n.md:11  个人信息  发现手机号码 138****5678');
    expect(html).not.toContain('13812345678');
    expect(html).not.toContain('通知正文');
    // The editor stays open: it is where the problem gets fixed.
    expect((await page('/admin/')).status).toBe(200);

    from = output.length;
    writeFileSync(notice, original);
    await waitForOutput('内容检查通过', from);
    const served = await page('/notices/');
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('党员活动日安排');
  });

  it('checks what refers to a changed file: removing a unit reports the measure that names it', async () => {
    let from = output.length;
    renameSync(join(root, 'src/content/units/djb.md'), join(root, 'src/content/units-djb.md.bak'));
    const printed = await waitForOutput('内容检查未通过', from);
    expect(printed).toMatch(/src\/content\/measures\/1-1\.md:\d+ {2}owners\[1\] {2}\S*djb/);
    expect((await page('/')).status).toBe(500);

    from = output.length;
    renameSync(join(root, 'src/content/units-djb.md.bak'), join(root, 'src/content/units/djb.md'));
    await waitForOutput('内容检查通过', from);
    expect((await page('/')).status).toBe(200);
  });

  it('runs without telemetry, and stops when npm is stopped', async () => {
    // The Node process running Astro's CLI (not a shell whose command line names it).
    const astro = descendants(server!.pid!).find((p) => /^\S*node\s+\S*(astro\.mjs|\.bin\/astro) dev/.test(p.args));
    expect(astro, 'no astro dev process under npm').toBeDefined();
    expect(readFileSync(`/proc/${astro!.pid}/environ`, 'utf8').split('\0')).toContain('ASTRO_TELEMETRY_DISABLED=1');
    // Only npm, as a process manager or a closed terminal would stop it, not its process group.
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(server!.pid!, 'SIGTERM');
    await exited;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && isRunning(astro!.pid)) await new Promise((r) => setTimeout(r, 100));
    expect(isRunning(astro!.pid), 'astro dev outlived npm').toBe(false);
    await expect(fetch(base)).rejects.toThrow();
  });
});

/** Every process below `pid`, with its command line. */
function descendants(pid: number): { pid: number; args: string }[] {
  const table = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)!)
    .map(([, p, pp, args]) => ({ pid: Number(p), ppid: Number(pp), args: args! }));
  const found: { pid: number; args: string }[] = [];
  const walk = (parent: number) => {
    for (const p of table.filter((row) => row.ppid === parent)) {
      found.push(p);
      walk(p.pid);
    }
  };
  walk(pid);
  return found;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
