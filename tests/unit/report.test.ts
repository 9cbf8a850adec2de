/**
 * The progress report (整改进展情况报告) on a corpus written for these tests: the .docx read back
 * with mammoth gives the headings, the totals and one row per item that the ledger gives for the
 * same date, and statuses move exactly as the dated records say.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { LoadedContent } from '../../src/checker/load.ts';
import { LEDGER_COLUMNS, ledgerRows, type LedgerRow } from '../../src/domain/ledger.ts';
import { areaLabel, buildItemTree, parseMeasureId, statusChangesByMeasure } from '../../src/domain/measures.ts';
import { REPORT_HEADINGS } from '../../src/domain/report/blocks.ts';
import { reportDocx } from '../../src/domain/report/docx.ts';
import { reportMarkdown } from '../../src/domain/report/markdown.ts';
import { PLACEHOLDER } from '../../src/domain/report/model.ts';
import { runReport } from '../../scripts/report.ts';
import { loadCase, PROJECT_ROOT, VALID_FIXTURE } from '../helpers/fixtures.ts';
import { fixtureReport, reportContent, reportOverrides } from '../helpers/report.ts';

/** The ledger of a date, derived the way the site derives /ledger/ and /ledger.csv. */
function ledgerOn(content: LoadedContent, asOf: string): LedgerRow[] {
  const changes = statusChangesByMeasure(content.updates.map((u) => ({ id: u.id, ...u.data })));
  const unitName = new Map(content.units.map((u) => [u.id, u.data.name]));
  const areaTitle = new Map(content.areas.map((a) => [Number(a.id), a.data.title]));
  return ledgerRows(
    buildItemTree(content.measures, { changes, today: asOf })
      .filter((node) => node.leaf)
      .map((node) => ({
        area: { label: areaLabel({ number: node.area }), title: areaTitle.get(node.area)! },
        measure: {
          id: node.id,
          label: node.label,
          title: node.entry.data.title,
          owners: node.owners.map((o) => unitName.get(o)!),
          deadline: node.deadline,
          state: node.state,
        },
      })),
  );
}

interface ReadBack {
  title: string;
  headings: string[];
  subheadings: string[];
  paragraphs: string[];
  /** Item paragraphs: the bold label and title, then the facts by ledger column. */
  items: { heading: string; fields: Partial<Record<keyof LedgerRow, string>>; latest: string }[];
  totals: { total: number; 已完成: number; 推进中: number; 长期坚持: number; 未启动: number; 逾期: number };
  /** The numbered lines under 三、存在的问题和下一步打算. */
  open: string[];
}

const LABEL_TO_KEY = new Map(LEDGER_COLUMNS.map((c) => [c.label, c.key]));

/** The report of `asOf` as Word writes it, read back with mammoth. */
async function readBack(asOf: string): Promise<ReadBack> {
  const buffer = await reportDocx(fixtureReport(asOf));
  const { value, messages } = await mammoth.convertToHtml(
    { buffer },
    { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Heading 1'] => h2:fresh", "p[style-name='Heading 2'] => h3:fresh"] },
  );
  expect(messages.filter((m) => m.type === 'error')).toEqual([]);
  const root = parse(value);
  const paragraphs = root.querySelectorAll('p').map((p) => p.text);
  const items = root
    .querySelectorAll('p')
    .filter((p) => p.firstChild && 'tagName' in p.firstChild && p.firstChild.tagName === 'STRONG')
    .map((p) => {
      const heading = p.querySelector('strong')!.text;
      const rest = p.text.slice(heading.length);
      const [facts, latest] = rest.split(/(?<=。)(?=最新进展：)/) as [string, string];
      const fields: ReadBack['items'][number]['fields'] = {};
      for (const pair of facts.replace(/。$/, '').split('；')) {
        const [label, ...value] = pair.split('：');
        const key = LABEL_TO_KEY.get(label!);
        if (!key) throw new Error(`unknown field ${label} in ${rest}`);
        fields[key] = value.join('：');
      }
      return { heading, fields, latest };
    });
  const totalsLine = paragraphs.find((p) => p.includes('台账所列'))!;
  const m = /台账所列(\d+)项中：已完成(\d+)项、推进中(\d+)项、长期坚持(\d+)项、未启动(\d+)项，其中逾期(\d+)项/.exec(totalsLine);
  if (!m) throw new Error(`no totals in ${totalsLine}`);
  const [total, done, doing, ongoing, todo, overdue] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const third = paragraphs.slice(paragraphs.findIndex((p) => p.startsWith('截至') && p.includes('未销号')) + 1);
  return {
    title: root.querySelector('h1')!.text,
    headings: root.querySelectorAll('h2').map((h) => h.text),
    subheadings: root.querySelectorAll('h3').map((h) => h.text),
    paragraphs,
    items,
    totals: { total, 已完成: done, 推进中: doing, 长期坚持: ongoing, 未启动: todo, 逾期: overdue },
    open: third.filter((p) => /^\d+\. /.test(p)),
  };
}

describe('the report as of a date, read back from the .docx', () => {
  const content = reportContent();

  it.each(['2026-08-01', '2026-09-20', '2026-10-25', '2026-11-26'])(
    'gives the ledger of %s: headings, totals and item rows',
    async (asOf) => {
      const ledger = ledgerOn(content, asOf);
      const doc = await readBack(asOf);
      expect(doc.title).toBe('中共X镇委员会关于《测试方案》整改进展情况的报告');
      expect(doc.headings).toEqual([...REPORT_HEADINGS]);
      expect(doc.subheadings).toEqual([...new Set(ledger.map((r) => r.problem))]);
      // One item per ledger row, in the ledger's order, with the ledger's words in every field.
      expect(doc.items.map((i) => i.heading)).toEqual(ledger.map((r) => `${parseMeasureId(r.measureId)!.number}.${r.measure}。`));
      doc.items.forEach((item, i) => {
        const row = ledger[i]!;
        const expected: Partial<Record<keyof LedgerRow, string>> = { owners: row.owners, deadline: row.deadline, status: row.status };
        if (row.countdown) expected.countdown = row.countdown;
        if (row.completedOn) expected.completedOn = row.completedOn;
        expect(item.fields).toEqual(expected);
      });
      const base = (r: LedgerRow) => r.status.replace('（逾期）', '');
      expect(doc.totals).toEqual({
        total: ledger.length,
        已完成: ledger.filter((r) => base(r) === '已完成').length,
        推进中: ledger.filter((r) => base(r) === '推进中').length,
        长期坚持: ledger.filter((r) => base(r) === '长期坚持').length,
        未启动: ledger.filter((r) => base(r) === '未启动').length,
        逾期: ledger.filter((r) => r.status.endsWith('（逾期）')).length,
      });
      // 三、 lists exactly the rows not yet 销号.
      expect(doc.open).toHaveLength(ledger.filter((r) => r.closed === '未销号').length);
    },
  );

  it('gives every item 未启动 before the first record, with no progress to show', async () => {
    const doc = await readBack('2026-08-01');
    expect(doc.items.map((i) => i.fields.status)).toEqual(['未启动', '未启动', '未启动', '未启动', '未启动']);
    expect(doc.items.every((i) => i.latest === '最新进展：无进展记录。')).toBe(true);
    expect(doc.totals).toMatchObject({ total: 5, 未启动: 5, 已完成: 0, 逾期: 0 });
  });

  it('changes exactly the statuses that the records between two dates set', async () => {
    const september = await readBack('2026-09-20');
    const october = await readBack('2026-10-25');
    const statuses = (d: ReadBack) => d.items.map((i) => i.fields.status);
    // Records up to 20 September: 1-1 done on 18 September, 2-1 and 2-3 started on 10 August.
    expect(statuses(september)).toEqual(['已完成', '未启动', '推进中', '未启动', '推进中']);
    // By 25 October: the 20 October record makes 1-2 长期坚持, and 2-1 has passed its 30 September deadline.
    expect(statuses(october)).toEqual(['已完成', '长期坚持', '推进中（逾期）', '未启动', '推进中']);
    expect(october.items[2]!.fields.countdown).toBe('已逾期 25 天');
    expect(october.items[1]!.latest).toBe('最新进展：2026年10月20日，每月研究党建工作形成制度（佐证材料：党委会议事规则（存党建办））。');
    expect(september.items[1]!.latest).toBe('最新进展：无进展记录。');
    expect(october.totals).toMatchObject({ 已完成: 1, 长期坚持: 1, 推进中: 2, 未启动: 1, 逾期: 1 });
  });

  it('lists open items overdue first, then by deadline, 待定 last', async () => {
    const october = await readBack('2026-10-25');
    expect(october.open.map((line) => /\d+\.规范党费收缴|\d+\.开展党员培训|\d+\.完善党员档案/.exec(line)?.[0])).toEqual([
      '1.规范党费收缴',
      '3.开展党员培训',
      '2.完善党员档案',
    ]);
    expect(october.open[0]).toContain('整改时限：2026年9月30日；整改状态：推进中（逾期）；剩余时间：已逾期 25 天');
    const november = await readBack('2026-11-26');
    expect(november.items[2]!.fields).toMatchObject({ status: '已完成', completedOn: '2026年11月5日' });
    expect(november.items[2]!.latest).toBe(
      '最新进展：2026年11月5日，党费收缴系统上线（佐证材料：系统开通确认单（存党建办）；收缴台账（存X村党支部））。',
    );
    expect(november.open).toHaveLength(2);
  });

  it('marks what the office must write, and signs with the plan’s issuer', async () => {
    const doc = await readBack('2026-11-26');
    expect(doc.paragraphs[0]).toBe('（本报告由演示数据生成，不代表真实整改进展。）');
    expect(doc.paragraphs[1]).toBe(`${PLACEHOLDER}（主送机关）：`);
    expect(doc.paragraphs.filter((p) => p.startsWith(PLACEHOLDER))).toHaveLength(4);
    expect(doc.paragraphs.slice(-2)).toEqual(['中共X镇委员会', '2026年11月26日']);
    // The plan declares 1 area and 2 measures and lists 2 and 5: both numbers are stated.
    expect(doc.paragraphs.find((p) => p.includes('方案列明'))).toContain(
      '方案列明1个方面（台账实有2个方面）、2项整改措施（台账实有5项整改措施）',
    );
  });

  it('writes no empty 组织领导 line for a plan that names no leadership group', () => {
    const report = fixtureReport('2026-10-25');
    expect(reportMarkdown(report)).toContain('组织领导：');
    expect(reportMarkdown({ ...report, organisation: [] })).not.toContain('组织领导');
  });

  it('writes the same report as Markdown', () => {
    const md = reportMarkdown(fixtureReport('2026-10-25'));
    const lines = md.split('\n').filter(Boolean);
    expect(lines[0]).toBe('# 中共X镇委员会关于《测试方案》整改进展情况的报告');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(REPORT_HEADINGS.map((h) => `## ${h}`));
    expect(lines.filter((l) => l.startsWith('### '))).toEqual(['### （一）对党建工作重视程度不够', '### （二）党员教育管理不严格']);
    expect(lines).toContain(
      '**1.规范党费收缴** 责任单位：X村党支部；整改时限：2026年9月30日；整改状态：推进中（逾期）；剩余时间：已逾期 25 天。最新进展：2026年8月10日，党费收缴和党员培训启动。',
    );
  });
});

describe('npm run report', () => {
  const script = join(PROJECT_ROOT, 'scripts/report.ts');
  /** What the CLI would give (exit code, stdout, stderr), from runReport() in this process. */
  async function run(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const { code, error } = await runReport(args, {
      out: (text) => (stdout += `${text}\n`),
      warn: (text) => (stderr += `${text}\n`),
      env: process.env,
    });
    if (error !== undefined) stderr += `${error}\n`;
    return { status: code, stdout, stderr };
  }

  it.each([['2026-02-30'], ['20261101'], ['2026/11/01'], ['昨天']])(
    'refuses --as-of %s in Chinese, with exit 1 and no stack trace',
    async (date) => {
      const r = await run('--as-of', date, '--out', join(tmpdir(), 'never-written'));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`--as-of 的日期“${date}”无效：请写成 YYYY-MM-DD`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(tmpdir(), 'never-written'))).toBe(false);
    },
  );

  it('refuses an unknown option in Chinese, as a command with exit code 1 and no stack trace', () => {
    const r = spawnSync(process.execPath, [script, '--asof', '2026-10-01'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('参数有误');
    expect(r.stderr).toContain('用法：npm run report');
  });

  /** A project on disk: the valid fixtures with overlays written over them. */
  function projectWith(overlays: Map<string, Uint8Array>): string {
    const root = mkdtempSync(join(tmpdir(), 'report-root-'));
    cpSync(VALID_FIXTURE, root, { recursive: true });
    for (const [file, bytes] of overlays) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), bytes);
    }
    return root;
  }

  it('writes the .docx and .md of the date into --out, from the project at --root', async () => {
    const root = projectWith(reportOverrides());
    try {
      const out = join(root, 'out');
      const r = await run('--as-of', '2026-10-25', '--out', out, '--root', root);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('共 5 项，已完成 1 项、推进中 2 项、长期坚持 1 项、未启动 1 项，其中逾期 1 项');
      expect(readFileSync(join(out, '整改进展情况报告-2026-10-25.md'), 'utf8')).toBe(reportMarkdown(fixtureReport('2026-10-25')));
      expect(readFileSync(join(out, '整改进展情况报告-2026-10-25.docx')).subarray(0, 2).toString()).toBe('PK');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('drafts nothing from content with errors, and lists them in Chinese', async () => {
    const { overrides, expected } = loadCase('bad-status');
    const root = projectWith(overrides);
    try {
      const out = join(root, 'out');
      const r = await run('--as-of', '2026-10-25', '--out', out, '--root', root);
      expect(r.status).toBe(1);
      for (const line of expected) expect(r.stderr).toContain(line);
      expect(r.stderr).toContain('内容有错误，未生成报告。');
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
