/**
 * Production hosting against a real nginx (Debian's, started here on loopback): the header
 * matrix, deploys that readers never see half-done, automatic and manual rollback, and the
 * broken-link check. Uses the built dist/ and deploy/ as shipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, htmlPages, requireDist } from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';
import { buildPortalSite } from '../../scripts/portal.ts';
import type { Feed } from '../../src/schemas/feed.ts';

/** A measure page of the built site, whichever the content has (read once dist/ is known to exist). */
const measurePage = () => htmlPages().find((p) => p.startsWith('/measures/'))!;

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
let prefix: string;
let base: string;
let nginx: ChildProcess;
let serverPath: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * What a bare web server has: bash, coreutils, sed, grep, awk and curl, and no Node. deploy.sh
 * runs with only these on its PATH, so a step that needs anything else fails here.
 */
const SERVER_TOOLS = [
  'bash',
  'curl',
  'sha256sum',
  'sed',
  'grep',
  'awk',
  'sort',
  'comm',
  'cp',
  'mv',
  'ln',
  'readlink',
  'date',
  'ls',
  'head',
  'rm',
  'mkdir',
  'basename',
  'cat',
  'wc',
];

/** A folder of links to the system's copies of `tools`, to use as the whole PATH. */
function toolFolder(name: string, tools: readonly string[]): string {
  const bin = join(prefix, name);
  mkdirSync(bin);
  for (const tool of tools) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], {
      encoding: 'utf8',
      env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    }).stdout.trim();
    if (!found) throw new Error(`找不到 ${tool}`);
    symlinkSync(found, join(bin, tool));
  }
  return bin;
}

/**
 * Runs deploy/deploy.sh. dist/ is built without a public address (the test suite builds for
 * local preview), which deploy.sh refuses; these tests let it through unless `strict`.
 */
function deploy(...args: string[]) {
  return runDeploy(args, { YISHU_ALLOW_PREVIEW_DEPLOY: '1' });
}

function runDeploy(args: string[], extra: Record<string, string> = {}) {
  const started = performance.now();
  const env: Record<string, string | undefined> = {
    ...process.env,
    DEPLOY_ROOT: join(prefix, 'srv'),
    BASE_URL: base,
    PATH: serverPath,
    ...extra,
  };
  if (!extra['YISHU_ALLOW_PREVIEW_DEPLOY']) delete env['YISHU_ALLOW_PREVIEW_DEPLOY'];
  const run = spawnSync(join(serverPath.split(':')[0]!, 'bash'), [join(PROJECT_ROOT, 'deploy/deploy.sh'), ...args], {
    encoding: 'utf8',
    env,
  });
  return { ...run, seconds: (performance.now() - started) / 1000 };
}

/** A copy of dist/ that says it is another build, with its manifest rewritten. */
function variant(name: string, change: (dir: string) => void): string {
  const dir = join(prefix, name);
  cpSync(DIST, dir, { recursive: true });
  change(dir);
  const made = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/manifest.ts'), dir], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  return dir;
}

function asBuild(dir: string, build: string) {
  writeFileSync(join(dir, 'version.json'), JSON.stringify({ build }));
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', `<!-- build ${build} --></body>`));
}

beforeAll(async () => {
  requireDist();
  if (spawnSync(NGINX, ['-v']).status !== 0) throw new Error(`找不到 nginx（${NGINX}）：请运行 apt-get install nginx`);
  prefix = mkdtempSync(join(tmpdir(), 'nginx-'));
  chmodSync(prefix, 0o755);
  serverPath = toolFolder('server-bin', SERVER_TOOLS);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  mkdirSync(join(prefix, 'conf/conf.d'), { recursive: true });
  mkdirSync(join(prefix, 'logs'));
  cpSync(join(PROJECT_ROOT, 'deploy/nginx/snippets'), join(prefix, 'conf/snippets'), { recursive: true });
  // The shipped server block, with only the port and the release root changed.
  const site = readFileSync(join(PROJECT_ROOT, 'deploy/nginx/yishu.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('root /srv/yishu/current;', `root ${join(prefix, 'srv/current')};`);
  writeFileSync(join(prefix, 'conf/conf.d/yishu.conf'), site);
  writeFileSync(
    join(prefix, 'conf/nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;\nworker_processes 1;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  include conf.d/*.conf;\n}\n`,
  );
  const syntax = spawnSync(NGINX, ['-t', '-p', prefix, '-c', 'conf/nginx.conf'], { encoding: 'utf8' });
  if (syntax.status !== 0) throw new Error(syntax.stderr);
  nginx = spawn(NGINX, ['-p', prefix, '-c', 'conf/nginx.conf'], { stdio: 'ignore' });
  mkdirSync(join(prefix, 'srv'));
  for (let i = 0; i < 50; i += 1) {
    try {
      await fetch(base);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const first = deploy('deploy', DIST);
  if (first.status !== 0) throw new Error(first.stderr);
}, 60_000);

afterAll(async () => {
  // nginx removes its pid file as it stops: removing the folder before it has exited can fail
  // halfway and leave a copy of dist/ per deploy in /tmp.
  if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
    const exited = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill();
    await exited;
  }
  if (prefix) rmSync(prefix, { recursive: true, force: true, maxRetries: 3 });
});

const head = async (path: string, headers: Record<string, string> = {}) => {
  const r = await fetch(base + path, { headers });
  await r.arrayBuffer();
  return r;
};

describe('the header matrix', () => {
  const security = (r: Response) => ({
    csp: r.headers.get('content-security-policy'),
    nosniff: r.headers.get('x-content-type-options'),
    referrer: r.headers.get('referrer-policy'),
    permissions: r.headers.get('permissions-policy') !== null,
  });
  const expected = {
    csp: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
    nosniff: 'nosniff',
    referrer: 'strict-origin-when-cross-origin',
    permissions: true,
  };

  it('a page: no-cache, gzip, UTF-8 HTML, security headers', async () => {
    const r = await head(measurePage(), { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(security(r)).toEqual(expected);
  });

  it('a missing page: the site 404 page, with the security headers', async () => {
    const r = await fetch(`${base}/no/such/page/`);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('页面不存在');
    expect(security(r)).toEqual(expected);
  });

  it('a hashed asset: immutable for a year', async () => {
    const html = readFileSync(join(DIST, 'stats/index.html'), 'utf8');
    const asset = /src="(\/_astro\/[^"]+\.js)"/.exec(html)![1]!;
    const r = await head(asset);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(security(r)).toEqual(expected);
  });

  it('the open data: revalidated every time, readable from any origin, gzipped JSON', async () => {
    for (const path of ['/data/plan.json', '/data/plan.schema.json']) {
      const r = await head(path, { 'accept-encoding': 'gzip', origin: 'https://portal.example.gov.cn' });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe('no-cache');
      expect(r.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(r.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(r.headers.get('content-encoding'), path).toBe('gzip');
      expect(security(r), path).toEqual(expected);
    }
  });

  it('a county portal pulls the feed over HTTP and counts what the site counts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-http-'));
    try {
      writeFileSync(join(dir, 'portal.yaml'), `title: 测试县汇总\nmembers:\n  - name: 测试镇\n    id: town\n    url: ${base}/\n`);
      const build = buildPortalSite(join(dir, 'portal.yaml'), join(dir, 'out'));
      expect(build.status, build.output.slice(-2000)).toBe(0);
      const feed = JSON.parse(readFileSync(join(DIST, 'data/plan.json'), 'utf8')) as Feed;
      const town = readFileSync(join(dir, 'out/towns/town/index.html'), 'utf8');
      expect(town).toContain(`已销号 ${feed.summary.已完成 + feed.summary.长期坚持}/${feed.summary.total} 项`);
      // It links to the site at the address the portal read it from.
      expect(town).toContain(`href="${base}/"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the version file and the service worker: never cached', async () => {
    for (const path of ['/version.json', '/kiosk/sw.js']) {
      const r = await head(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe('no-store');
      expect(security(r), path).toEqual(expected);
    }
  });

  it('types for Pagefind, CSV and feeds; the manifest stays private', async () => {
    // Pagefind ships its WebAssembly and index gzipped in its own .pagefind/.pf_* files.
    const files = spawnSync('ls', [join(DIST, 'pagefind')], { encoding: 'utf8' }).stdout.split('\n');
    for (const ext of ['.pagefind', '.pf_meta']) {
      const file = files.find((f) => f.endsWith(ext))!;
      const r = await head(`/pagefind/${file}`);
      expect(r.status, ext).toBe(200);
      expect(r.headers.get('content-type'), ext).toBe('application/octet-stream');
    }
    expect((await head('/pagefind/pagefind.js')).headers.get('content-type')).toMatch(/^application\/javascript/);
    expect((await head('/ledger.csv')).headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await head('/rss.xml')).headers.get('content-type')).toMatch(/xml/);
    expect((await head('/manifest.sha256')).status).toBe(404);
  });
});

describe('deploys', () => {
  it('switch atomically: a reader polling during a deploy sees no error and no half page', async () => {
    const next = variant('next', (d) => asBuild(d, 'aaaaaaaaaaaa'));
    const seen = new Set<string>();
    const problems: string[] = [];
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const r = await fetch(`${base}/`);
        const html = await r.text();
        if (r.status !== 200 || !html.trimEnd().endsWith('</html>')) problems.push(`${r.status} ${html.length}`);
        seen.add(html.includes('<!-- build aaaaaaaaaaaa -->') ? 'new' : 'old');
      }
    })();
    const run = deploy('deploy', next);
    polling = false;
    await poll;
    expect(run.status, run.stderr).toBe(0);
    expect(problems).toEqual([]);
    expect(seen.has('new')).toBe(true);
    expect(await (await fetch(`${base}/version.json`)).json()).toEqual({ build: 'aaaaaaaaaaaa' });
    console.log(`deploy with smoke test: ${run.seconds.toFixed(2)} s`);
  });

  it('roll back automatically when the smoke test fails', async () => {
    const broken = variant('broken', (d) => {
      asBuild(d, 'bbbbbbbbbbbb');
      // Not a page (the route check would stop it first): the search code the smoke test loads.
      rmSync(join(d, 'pagefind/pagefind.js'));
    });
    const run = deploy('deploy', broken);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('冒烟测试失败');
    expect(run.stderr).toContain('已自动回滚');
    expect(await (await fetch(`${base}/version.json`)).json()).toEqual({ build: 'aaaaaaaaaaaa' });
  });

  it('roll back by command to the release before', async () => {
    const run = deploy('rollback');
    expect(run.status, run.stderr).toBe(0);
    const live = (await (await fetch(`${base}/version.json`)).json()) as { build: string };
    expect(live.build).toBe(JSON.parse(readFileSync(join(DIST, 'version.json'), 'utf8')).build);
    console.log(`rollback: ${run.seconds.toFixed(2)} s`);
  });

  it('refuse a build that drops a route of the live release without a redirect', async () => {
    const route = measurePage();
    const dropped = variant('dropped', (d) => {
      asBuild(d, 'cccccccccccc');
      rmSync(join(d, route), { recursive: true });
    });
    const run = deploy('deploy', dropped);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(route);
    expect(run.stderr).toContain('deploy/redirects.json');
    expect((await fetch(`${base}${route}`)).status).toBe(200);
  });

  it('refuse a copy that does not match its manifest', async () => {
    const tampered = variant('tampered', (d) => asBuild(d, 'dddddddddddd'));
    writeFileSync(join(tampered, 'ledger.csv'), 'changed after the build');
    const run = deploy('deploy', tampered);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('与清单不符');
  });

  it('refuse a build made without a public address or for localhost, and pass one made for its address', async () => {
    const live = await (await fetch(`${base}/version.json`)).json();
    for (const site of [undefined, 'http://localhost:4321/', 'http://127.0.0.1:4321/']) {
      const preview = variant(`preview-${site ? new URL(site).hostname : 'none'}`, (d) =>
        writeFileSync(join(d, 'version.json'), JSON.stringify({ build: 'ffffffffffff', ...(site ? { site } : { site: null }) })),
      );
      const run = runDeploy(['deploy', preview]);
      expect(run.status, String(site)).not.toBe(0);
      expect(run.stderr).toContain('拒绝发布');
      expect(run.stderr).toContain('src/content/settings/site.yaml');
      expect(await (await fetch(`${base}/version.json`)).json()).toEqual(live);
    }
    const real = variant('addressed', (d) =>
      writeFileSync(join(d, 'version.json'), JSON.stringify({ build: 'ffffffffffff', site: 'https://dj.example.gov.cn/' })),
    );
    const verified = runDeploy(['verify', real]);
    expect(verified.status, verified.stderr).toBe(0);
  });

  it('run on a server without Node, and name a missing tool in Chinese', async () => {
    // The PATH every deploy here runs with has no node (a deploy that called it fails above).
    const probe = spawnSync(join(serverPath, 'bash'), ['-c', 'command -v node || echo none'], {
      encoding: 'utf8',
      env: { PATH: serverPath },
    });
    expect(probe.stdout.trim()).toBe('none');
    const live = await (await fetch(`${base}/version.json`)).json();
    const noCurl = toolFolder(
      'no-curl-bin',
      SERVER_TOOLS.filter((t) => t !== 'curl'),
    );
    const run = runDeploy(['deploy', variant('no-curl', (d) => asBuild(d, '999999999999'))], {
      YISHU_ALLOW_PREVIEW_DEPLOY: '1',
      PATH: noCurl,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('缺少命令 curl');
    expect(run.stderr).not.toMatch(/command not found|Error/);
    expect(await (await fetch(`${base}/version.json`)).json()).toEqual(live);
  });

  it('stop with a Chinese line when a step fails unexpectedly', async () => {
    const live = await (await fetch(`${base}/version.json`)).json();
    const next = variant('unexpected', (d) => asBuild(d, '888888888888'));
    // A deploy root that is a file, not a folder: mkdir fails, whatever it says in English.
    const root = join(prefix, 'root-is-a-file');
    writeFileSync(root, '');
    const run = runDeploy(['deploy', next], { YISHU_ALLOW_PREVIEW_DEPLOY: '1', DEPLOY_ROOT: root });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/发布中断：命令“mkdir -p .*”失败/);
    expect(await (await fetch(`${base}/version.json`)).json()).toEqual(live);
  });

  it('keep the last five releases', async () => {
    for (let i = 0; i < 6; i += 1) {
      const v = variant(`keep-${i}`, (d) => asBuild(d, `e${i}`.padEnd(12, '0')));
      expect(deploy('deploy', v).status).toBe(0);
    }
    const releases = deploy('status').stdout.split('\n').filter(Boolean);
    expect(releases).toHaveLength(5);
    expect(releases.at(-1)).toMatch(/^\* .*-e5000000000/);
  });
});
