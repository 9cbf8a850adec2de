/**
 * The example plans (examples/): each is imported into an otherwise empty project, checked and
 * built with no code change, and its site is held to what any plan's site must do: a page for
 * every item, links that resolve, counts that match its content, no accessibility violation, and
 * nothing of another plan (the shipped seed or another example) in its output.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildExample, exampleNames, type ExampleRun } from '../../scripts/example.ts';
import { buildPortalSite } from '../../scripts/portal.ts';
import { checkProject } from '../../src/checker/index.ts';
import { splitFrontmatter } from '../../src/checker/yaml-source.ts';
import { leafIds, parentMeasureId } from '../../src/domain/measures.ts';
import type { Feed } from '../../src/schemas/feed.ts';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.ts';
import { serveDist } from '../../scripts/serve-dist.ts';
import { runAxe } from '../helpers/axe.ts';
import { PHONE } from '../helpers/browser.ts';
import { distReader } from '../helpers/dist.ts';
import { listFiles, PROJECT_ROOT } from '../helpers/fixtures.ts';

const names = exampleNames();
const runs = new Map<string, ExampleRun>();
/** One Chromium for the file: the examples' pages and the portal's search. */
let browser: Browser;

beforeAll(async () => {
  for (const name of names) runs.set(name, buildExample(name, mkdtempSync(join(tmpdir(), `example-${name}-`))));
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
  for (const run of runs.values()) rmSync(run.out, { recursive: true, force: true });
});

/** The checker's result on an example's project: one run per example, which every test of it reads. */
const checked = new Map<string, ReturnType<typeof checkProject>>();
function checkExample(name: string): ReturnType<typeof checkProject> {
  if (!checked.has(name)) checked.set(name, checkProject(runs.get(name)!.out));
  return checked.get(name)!;
}

/** Words that name a plan: its title, its site's name and its campaign, from a project's files. */
function planWords(root: string): string[] {
  const plan = parse(splitFrontmatter(readFileSync(join(root, 'src/content/plan/plan.md'), 'utf8')).yaml ?? '') as Record<string, unknown>;
  const settings = parse(readFileSync(join(root, 'src/content/settings/site.yaml'), 'utf8')) as Record<string, unknown>;
  return [plan['title'], plan['campaign'], settings['siteName']].filter((w): w is string => typeof w === 'string');
}

/** The text of every readable output file: pages, feeds, tables, the calendar, the data. */
function outputText(dist: string): string {
  return listFiles(dist)
    .filter((f) => /\.(html|xml|csv|ics|json|txt|webmanifest)$/.test(f) && !f.startsWith('admin/') && !f.startsWith('pagefind/'))
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .join('\n');
}

describe('the examples', () => {
  it('are at least three plans of different shapes', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(names)('example %s', (name) => {
  const run = () => runs.get(name)!;
  const dist = () => join(run().out, 'dist');
  const content = () => checkExample(name).content;

  it('imports and checks with no error', () => {
    const { errors } = checkExample(name);
    expect(errors).toBe(0);
    expect(content().measures.length).toBeGreaterThan(0);
  });

  it('has a page for every item and every 方面, and every link resolves', () => {
    const site = distReader(dist());
    const pages = new Set(site.htmlPages());
    for (const m of content().measures) expect(pages.has(`/measures/${m.id}/`), m.id).toBe(true);
    for (const a of content().areas) expect(pages.has(`/areas/${a.id}/`), a.id).toBe(true);
    const { broken, checked } = site.brokenLinks();
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(content().measures.length);
  });

  it('counts what its content holds: 方面 and the items with nothing below them', () => {
    const leaves = leafIds(content().measures.map((m) => m.id)).length;
    const home = distReader(dist()).readPage('/').text;
    expect(home).toContain(`共 ${content().areas.length} 个方面、${leaves} 项`);
    expect(home).toMatch(new RegExp(`${leaves} 项\\S*：`));
  });

  it('shows each item’s 责任领导, 完成时限 and reported status as the plan words them', () => {
    const site = distReader(dist());
    for (const m of content().measures) {
      const text = site.readPage(`/measures/${m.id}/`).text;
      expect(text, m.id).toContain(m.data.title);
      if (m.data.leader) expect(text, m.id).toContain(m.data.leader);
      if (m.data.deadlineText) expect(text, m.id).toContain(m.data.deadlineText);
    }
    // A record's status reaches the items it names, in its own words, and every item below them.
    const ids = content().measures.map((m) => m.id);
    for (const r of content().updates.filter((u) => u.data.status)) {
      for (const id of r.data.measures ?? []) {
        for (const below of ids.filter((i) => i === id || i.startsWith(`${id}-`)))
          expect(site.readPage(`/measures/${below}/`).text, `${r.id} → ${below}`).toContain(r.data.status!);
      }
    }
  });

  it('gives the display screens no empty slide', () => {
    const site = distReader(dist());
    const kiosks = site.htmlPages().filter((p) => /^\/kiosk\/[^/]+\/$/.test(p));
    expect(kiosks.length).toBeGreaterThan(0);
    for (const path of kiosks) {
      for (const slide of site.readPage(path).querySelectorAll('section.slide')) {
        const heading = slide.querySelector('h2')?.text ?? '';
        expect(slide.text.replace(heading, '').trim(), `${path} ${slide.getAttribute('data-slide')}`).not.toBe('');
      }
    }
  });

  it('publishes its open data: valid by the published JSON Schema, counting what the pages count', () => {
    const feed = JSON.parse(readFileSync(join(dist(), 'data/plan.json'), 'utf8')) as Feed;
    const schema = JSON.parse(readFileSync(join(dist(), 'data/plan.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
    const ids = content().measures.map((m) => m.id);
    expect(feed.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(feed.summary.total).toBe(leafIds(ids).length);
    expect(feed.items.filter((i) => i.leaf).length).toBe(feed.summary.total);
    const site = distReader(dist());
    for (const item of feed.items) expect(site.fileFor(item.path), item.path).toBeDefined();
    for (const area of feed.areas) expect(site.fileFor(area.path), area.path).toBeDefined();
    // Nothing of people: no 责任领导 in the data, though the pages show them.
    for (const m of content().measures) if (m.data.leader) expect(JSON.stringify(feed)).not.toContain(m.data.leader);
  });

  it('contains nothing of the shipped plan or of another example', () => {
    const text = outputText(dist());
    const own = planWords(run().out);
    expect(own.every((w) => text.includes(w))).toBe(true);
    const others = [...planWords(PROJECT_ROOT), ...names.filter((n) => n !== name).flatMap((n) => planWords(runs.get(n)!.out))].filter(
      (w) => !own.includes(w),
    );
    for (const word of others) expect(text.includes(word), word).toBe(false);
  });
});

describe('the examples in a browser', () => {
  // Each example's site is served on its own port.
  it.each(names)('%s: axe-core finds no WCAG 2.2 AA violation on the home, plan, 方面 and item pages', async (name) => {
    const { server, url } = await serveDist(join(runs.get(name)!.out, 'dist'));
    const { content } = checkExample(name);
    const deepest = [...content.measures].sort((a, b) => b.id.split('-').length - a.id.split('-').length)[0]!;
    const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    const found: string[] = [];
    try {
      for (const path of [
        '/',
        '/plan/',
        `/areas/${content.areas[0]!.id}/`,
        `/measures/${deepest.id}/`,
        `/measures/${parentMeasureId(deepest.id) ?? deepest.id}/`,
      ]) {
        await page.goto(url + path);
        const result = await runAxe(page);
        expect(result.passes.length, path).toBeGreaterThan(5);
        for (const v of result.violations) found.push(`${path}: ${v.id} ${v.help}`);
      }
    } finally {
      await context.close();
      server.close();
    }
    expect(found).toEqual([]);
  });
});

/**
 * A county portal (npm run portal) over the three examples, the shipped site and three members
 * whose data cannot be used as it is: one with no feed, one with old data, one of another version.
 */
describe('a county portal over the examples and the shipped site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-'));
  const out = join(dir, 'out');
  const members = () => [
    ...names.map((name) => ({ id: name, name: `${name}镇`, dist: join(runs.get(name)!.out, 'dist') })),
    { id: 'seed', name: '示例镇', dist: join(PROJECT_ROOT, 'dist') },
  ];
  const feedOf = (dist: string) => JSON.parse(readFileSync(join(dist, 'data/plan.json'), 'utf8')) as Feed;
  let portal: ReturnType<typeof distReader>;

  beforeAll(() => {
    const first = members()[0]!;
    const copy = (id: string, change: (feed: Feed) => object) => {
      mkdirSync(join(dir, id, 'data'), { recursive: true });
      writeFileSync(join(dir, id, 'data/plan.json'), JSON.stringify(change(feedOf(first.dist))));
      return join(dir, id);
    };
    const stale = copy('stale', (f) => ({ ...f, generated: '2020-01-01' }));
    const newer = copy('newer', (f) => ({ ...f, version: 99 }));
    const list = [
      ...members(),
      { id: 'stale', name: '过期镇', dist: stale },
      { id: 'newer', name: '新版镇', dist: newer },
      { id: 'gone', name: '未建站镇', dist: join(dir, 'nothing-here') },
    ];
    writeFileSync(
      join(dir, 'portal.yaml'),
      `title: 测试县整改进展汇总\nurl: https://portal.example.gov.cn/\nmembers:\n${list.map((m) => `  - name: ${m.name}\n    id: ${m.id}\n    dist: ${m.dist}\n`).join('')}`,
    );
    const build = buildPortalSite(join(dir, 'portal.yaml'), out);
    expect(build.status, build.output.slice(-3000)).toBe(0);
    portal = distReader(out);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("rolls up each site's own counts", () => {
    let total = 0;
    for (const m of members()) {
      const feed = feedOf(m.dist);
      // The site's own home page states the same count its feed carries.
      expect(distReader(m.dist).readPage('/').text, m.id).toContain(`${feed.summary.total} 项`);
      const page = portal.readPage(`/towns/${m.id}/`).text;
      expect(page, m.id).toContain(`已销号 ${feed.summary.已完成 + feed.summary.长期坚持}/${feed.summary.total} 项`);
      for (const area of feed.areas) expect(portal.fileFor(`/towns/${m.id}/areas/${area.id}/`), `${m.id} ${area.id}`).toBeDefined();
      total += feed.summary.total;
    }
    // The stale member's data is shown and counted too: it is the first example's.
    total += feedOf(members()[0]!.dist).summary.total;
    expect(portal.readPage('/').text).toContain(`共 ${total} 项整改条目`);
  });

  it('shows members whose data is missing, old or of another version, saying why', () => {
    const home = portal.readPage('/').text;
    expect(home).toContain('需要关注的数据（3 个镇）');
    expect(home).toMatch(/过期镇：数据过期。数据截至 2020年1月1日/);
    expect(home).toMatch(/新版镇：数据版本不符。数据版本为 99/);
    expect(home).toMatch(/未建站镇：未取得数据。读取 .*nothing-here\/data\/plan\.json 失败（文件不存在）/);
    expect(portal.readPage('/towns/gone/').text).toContain('未取得数据');
  });

  it('has no broken link, and keeps its pages within the sites’ budgets', () => {
    const { broken, checked } = portal.brokenLinks();
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    for (const path of portal.htmlPages()) {
      const bytes = gzipSync(readFileSync(portal.fileFor(path)!)).length;
      expect(bytes, path).toBeLessThan((path === '/' ? 20 : 12) * 1024);
    }
  });

  it('is published with deploy/deploy.sh as the sites are: manifest, routes and its public address', () => {
    const verify = spawnSync('bash', [join(PROJECT_ROOT, 'deploy/deploy.sh'), 'verify', out], { encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(readFileSync(join(out, 'routes.txt'), 'utf8')).toContain('/towns/seed/');
    expect(JSON.parse(readFileSync(join(out, 'version.json'), 'utf8'))).toMatchObject({
      build: expect.stringMatching(/^b[0-9a-f]{15}$/),
      site: 'https://portal.example.gov.cn/',
    });
  });

  it("finds a phrase of one town's plan on that town's page first", async () => {
    // A title of one example that no other member's feed contains (the stale member copies the first).
    const target = names.at(-1)!;
    const others = members()
      .filter((m) => m.id !== target)
      .map((m) => JSON.stringify(feedOf(m.dist)));
    const item = feedOf(join(runs.get(target)!.out, 'dist')).items.find(
      (i) => i.title.length >= 6 && others.every((o) => !o.includes(i.title)),
    )!;
    expect(item, 'a title only this example has').toBeDefined();
    const { server, url } = await serveDist(out);
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${url}/search/?q=${encodeURIComponent(item.title)}`);
    await page.waitForSelector('[data-results] li a');
    const first = await page.getAttribute('[data-results] li a', 'href');
    await page.close();
    server.close();
    expect(first).toContain(`/towns/${target}/areas/${item.area}/#item-${item.id}`);
  });
});
