/**
 * The example plans (examples/): each is imported into an otherwise empty project, checked and
 * built with no code change, and its site is held to what any plan's site must do: a page for
 * every item, links that resolve, counts that match its content, no accessibility violation, and
 * nothing of another plan (the shipped seed or another example) in its output.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildExample, exampleNames, type ExampleRun } from '../../scripts/example.ts';
import { checkProject } from '../../src/checker/index.ts';
import { splitFrontmatter } from '../../src/checker/yaml-source.ts';
import { leafIds, parentMeasureId } from '../../src/lib/measures.ts';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.ts';
import { serveDist } from '../../scripts/serve-dist.ts';
import { runAxe } from '../helpers/axe.ts';
import { PHONE } from '../helpers/browser.ts';
import { distReader } from '../helpers/dist.ts';
import { listFiles, PROJECT_ROOT } from '../helpers/fixtures.ts';

const names = exampleNames();
const runs = new Map<string, ExampleRun>();

beforeAll(() => {
  for (const name of names) runs.set(name, buildExample(name, mkdtempSync(join(tmpdir(), `example-${name}-`))));
}, 900_000);
afterAll(() => {
  for (const run of runs.values()) rmSync(run.out, { recursive: true, force: true });
});

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
  const content = () => checkProject(run().out).content;

  it('imports and checks with no error', () => {
    const { errors } = checkProject(run().out);
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
  // One Chromium for the three examples; each example's site is served on its own port.
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(names)('%s: axe-core finds no WCAG 2.2 AA violation on the home, plan, 方面 and item pages', async (name) => {
    const { server, url } = await serveDist(join(runs.get(name)!.out, 'dist'));
    const content = checkProject(runs.get(name)!.out).content;
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
