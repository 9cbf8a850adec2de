/**
 * The security corpora through real builds (a few builds for all cases, each ~10–60 s):
 * 1. with the checker (as `npm run build` runs): the hostile corpus is refused with the
 *    checker's report, without a stack trace;
 * 2. without the checker: MDX code stops the build in the guard, before anything runs;
 * 3. without the checker: hostile HTML and URLs are absent from the pages, formula cells are
 *    neutralised in the CSV outputs, and the final gate fails on personal data and on an SVG
 *    picture's script, naming the built file and its source; opening every page in Chromium triggers no navigation, dialog
 *    or request to another origin;
 * 4. with the checker: the honest corpus builds, passes the gate and shows its content.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/browser.ts';
import { serveDist } from '../../scripts/serve-dist.ts';
import { checkProject, formatReport } from '../../src/checker/index.ts';
import { scanDist } from '../../src/release/dist-gate.ts';
import { FIXTURE_TODAY, listFiles } from '../helpers/fixtures.ts';
import { HONEST, HOSTILE, type SecurityCase } from './cases.ts';
import { ADMIN_DIR } from '../../src/release/admin.ts';
import { astroBuild, distGate, makeCorpus, STACK_TRACE, withoutChecker, type Corpus } from './corpus.ts';

const corpora: Corpus[] = [];
afterAll(() => corpora.forEach((c) => c.remove()));
const corpus = (name: string, cases: readonly SecurityCase[]) => {
  const c = makeCorpus(name, cases, { project: true });
  corpora.push(c);
  return c;
};

describe('npm run build on the hostile corpus', () => {
  it('refuses before building, printing the checker report and no stack trace', () => {
    const { dir } = corpus('build-checked', HOSTILE);
    const run = astroBuild(dir);
    const output = run.stdout + run.stderr;
    expect(run.status).not.toBe(0);
    expect(output).not.toContain('page(s) built');
    expect(output).not.toMatch(STACK_TRACE);
    const report = formatReport(checkProject(dir, { today: FIXTURE_TODAY }))
      .split('\n')
      .filter((l) => !l.startsWith('内容检查'));
    for (const line of report.filter((l) => !l.includes('警告'))) expect(output).toContain(line);
  });
});

describe('the build without the checker', () => {
  it('stops MDX code in the guard, before it runs', () => {
    const probe = 'h-probe-written-by-mdx';
    const { dir } = corpus('build-guard', [
      {
        id: 'guard-probe',
        class: 'MDX 代码',
        build: 'guard',
        files: {
          'src/content/posts/guard-probe.mdx': `---\ntitle: 探针\ndate: 2026-09-10\ncolumn: yishu\nsummary: x\n---\n\n正文[^1]\n\n[^1]: {process.getBuiltinModule('node:fs').writeFileSync('${probe}', 'ran')}\n`,
        },
      },
    ]);
    withoutChecker(dir);
    const run = astroBuild(dir);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('src/content/posts/guard-probe.mdx:10  正文  不能使用 {…} 表达式');
    expect(existsSync(join(dir, probe))).toBe(false);
  });

  describe('on hostile HTML, URLs, personal data and formulas', () => {
    const cases = HOSTILE.filter((c) => ['sanitised', 'gate', 'neutralised'].includes(c.build));
    let dir = '';
    let gateOutput = '';
    let gateStatus: number | null = null;

    beforeAll(() => {
      dir = corpus('build-unchecked', cases).dir;
      withoutChecker(dir);
      // `astro build` is the whole release: pages, search index, then the gate, which stops it.
      const build = astroBuild(dir);
      gateOutput = build.stdout + build.stderr;
      gateStatus = build.status;
      expect(existsSync(join(dir, 'dist/pagefind/pagefind-entry.json')), gateOutput).toBe(true);
      expect(existsSync(join(dir, 'dist/manifest.sha256'))).toBe(false);
      // The gate on its own says the same of the same dist/.
      expect(distGate(dir).status).toBe(1);
    }, 300_000);

    it.each(cases.filter((c) => c.build === 'sanitised').map((c) => [c.id, c] as const))('%s: absent from its page', (_id, c) => {
      const html = readFileSync(join(dir, 'dist/posts', c.id, 'index.html'), 'utf8');
      expect(html).toContain(`测试 ${c.id}`);
      // The case's id (in the title and URLs) names what it tests; look at the rest.
      const rest = html.replaceAll(c.id, '');
      for (const marker of c.absent!) expect(rest).not.toContain(marker);
      expect(gateOutput).not.toContain(`dist/posts/${c.id}/`);
    });

    it('fails the final gate, without a stack trace', () => {
      expect(gateStatus).toBe(1);
      expect(gateOutput).toMatch(/发布前检查未通过/);
      expect(gateOutput).not.toMatch(STACK_TRACE);
    });

    it.each(cases.filter((c) => c.build === 'gate').map((c) => [c.id, c] as const))(
      '%s: the gate names the built file and its source',
      (_id, c) => {
        const lines = gateOutput.split('\n').filter((l) => l.startsWith(`dist/${c.gate!.file}`));
        expect(lines, gateOutput).not.toEqual([]);
        expect(
          lines.some((l) => l.includes(`（来源：${c.gate!.source}）`)),
          lines.join('\n'),
        ).toBe(true);
      },
    );

    it('finds personal data in the decompressed search index too', () => {
      expect(gateOutput).toMatch(/^dist\/pagefind\/fragment\/\S+  发布前检查  搜索索引中发现手机号码/m);
    });

    it('neutralises formula cells in /ledger.csv and the chart CSVs, read back with a CSV parser', () => {
      const csvFiles = ['ledger.csv', ...readdirSync(join(dir, 'dist/charts')).map((f) => `charts/${f}`)];
      const cells = csvFiles.flatMap((f) => (parse(readFileSync(join(dir, 'dist', f), 'utf8'), { bom: true }) as string[][]).flat());
      expect(cells).toEqual(expect.arrayContaining(['\'=HYPERLINK("https://evil.example","点我")']));
      for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?%?$)/);
    });

    it('opening every page in Chromium triggers no navigation, dialog or request to another origin', async () => {
      const { server, url } = await serveDist(join(dir, 'dist'));
      const browser = await launchChromium();
      const incidents: string[] = [];
      try {
        const page = await browser.newPage();
        const origin = new URL(url).origin;
        page.on('dialog', (d) => {
          incidents.push(`dialog ${d.message()} on ${page.url()}`);
          void d.dismiss();
        });
        page.on('request', (r) => {
          const u = r.url();
          if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)
            incidents.push(`request ${u} from ${page.url()}`);
        });
        // /admin/ (the office's editor, now part of every build) has its own tests: tests/security/admin-gate.test.ts.
        const pages = listFiles(join(dir, 'dist')).filter((f) => f.endsWith('.html') && !f.startsWith(`${ADMIN_DIR}/`));
        expect(pages.length).toBeGreaterThan(40);
        for (const file of pages) {
          const path = `/${file.replace(/index\.html$/, '')}`;
          await page.goto(`${url}${path}`, { waitUntil: 'load' });
          await page.waitForTimeout(150);
          const now = new URL(page.url());
          if (now.origin !== origin || decodeURI(now.pathname) !== path) incidents.push(`navigated from ${path} to ${page.url()}`);
        }
      } finally {
        await browser.close();
        server.close();
      }
      expect(incidents).toEqual([]);
    }, 300_000);

    it('the gate finds nothing active in any page; only the SVG picture copied as it is', () => {
      const hits = scanDist(join(dir, 'dist')).filter((h) => !h.digits);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(`${h.file}  ${h.message}`).toMatch(/^_astro\/h-img\.\S+\.svg  SVG 中有 <script>$/);
    });
  });
});

describe('npm run build on the honest corpus', () => {
  it('builds, passes the gate and shows every honest case', () => {
    const { dir } = corpus('build-honest', HONEST);
    const build = astroBuild(dir);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toContain('发布前检查通过');
    expect(existsSync(join(dir, 'dist/manifest.sha256'))).toBe(true);
    for (const c of HONEST.filter((h) => h.present)) {
      const html = readFileSync(join(dir, 'dist/posts', c.id, 'index.html'), 'utf8');
      for (const text of c.present!) expect(html, c.id).toContain(text);
    }
  }, 300_000);
});
