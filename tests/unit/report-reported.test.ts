/**
 * The progress report sets the plan's own reported figures beside the ledger's totals: the figure
 * known on the report's date, why the two differ, and nothing when the plan reports none.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { reportFromContent, reportSourceOf } from '../../src/domain/report/adapter.ts';
import { reportDocx } from '../../src/domain/report/docx.ts';
import { reportMarkdown } from '../../src/domain/report/markdown.ts';
import { reportContent } from '../helpers/report.ts';

function reportWith(reported: unknown[] | undefined, asOf: string) {
  const source = reportSourceOf(reportContent());
  return reportFromContent({ ...source, plan: { ...source.plan, reported: reported as never } }, asOf);
}

const figures = [
  { date: '2026-09-30', total: 40, done: 10, counted: '整改任务', source: '关于X镇整改进展情况的通报' },
  { date: '2026-12-20', total: 40, done: 30, counted: '整改任务' },
];

describe('reported figures in the progress report', () => {
  it('gives the figure known on the date, after the totals, with why it differs from the ledger', async () => {
    const report = reportWith(figures, '2026-11-26');
    const md = reportMarkdown(report);
    const paragraph = md.split('\n\n').find((p) => p.startsWith('方案自报：'));
    expect(paragraph).toBe(
      `方案自报：截至2026年9月30日，共有整改任务40项，已完成10项，完成率25%（出处：关于X镇整改进展情况的通报）。原文按整改任务计40项，台账按已录入的${report.totals.total}项整改措施计，两者口径不同；台账的数字只反映已录入的条目和进展记录。`,
    );
    // It follows the totals sentence of 二、整改落实情况, and the .docx says the same.
    const paragraphs = md.split('\n\n');
    expect(paragraphs[paragraphs.indexOf(paragraph!) - 1]).toMatch(/^截至2026年11月26日，方案列明/);
    const { value } = await mammoth.extractRawText({ buffer: await reportDocx(report) });
    expect(value).toContain('方案自报：截至2026年9月30日，共有整改任务40项');
    expect(value).not.toContain('截至2026年12月20日');
  });

  it('says nothing of figures when the plan reports none, or none yet on the date', () => {
    expect(reportMarkdown(reportWith(undefined, '2026-11-26'))).not.toContain('方案自报');
    expect(reportMarkdown(reportWith(figures, '2026-09-29'))).not.toContain('方案自报');
  });
});
