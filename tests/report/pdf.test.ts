/**
 * The report's .docx opens in LibreOffice: converted to PDF with `soffice --headless`, it is
 * A4 portrait, carries the report's text and numbers each page “— n —”. Needs Debian's
 * libreoffice-writer-nogui and poppler-utils (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDocx } from '../../src/domain/report/docx.ts';
import { REPORT_HEADINGS } from '../../src/domain/report/blocks.ts';
import { fixtureReport } from '../helpers/report.ts';

const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
let text = '';
let info = '';

beforeAll(async () => {
  if (spawnSync('soffice', ['--version']).error) {
    throw new Error('找不到 soffice：请先安装 LibreOffice（apt-get install -y libreoffice-writer-nogui），.ci/run 会自动安装');
  }
  writeFileSync(join(dir, 'report.docx'), await reportDocx(fixtureReport('2026-10-25')));
  // Its own profile, so a LibreOffice already running on the machine does not take the job.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      join(dir, 'report.docx'),
    ],
    { stdio: 'pipe', timeout: 110_000 },
  );
  info = execFileSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' });
  text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the .docx in LibreOffice', () => {
  it('is A4 portrait on every page', () => {
    const sizes = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info);
    expect(sizes, info).not.toBeNull();
    expect(Math.round(Number(sizes![1]))).toBe(595);
    expect(Math.round(Number(sizes![2]))).toBe(842);
  });

  it('carries the title, the three headings, the totals and the items', () => {
    // The text flows across pages: leave out each page's number before joining them.
    const flat = text
      .split('\f')
      .map((page) => page.trimEnd().split('\n').slice(0, -1).join(''))
      .join('')
      .replace(/\s+/g, '');
    expect(flat).toContain('中共X镇委员会关于《测试方案》整改进展情况的报告');
    for (const heading of REPORT_HEADINGS) expect(flat).toContain(heading);
    expect(flat).toContain('台账所列5项中：已完成1项、推进中2项、长期坚持1项、未启动1项，其中逾期1项');
    expect(flat).toContain('1.规范党费收缴。责任单位：X村党支部；整改时限：2026年9月30日；整改状态：推进中（逾期）');
  });

  it('numbers the pages “— n —” at the bottom', () => {
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      const lines = page.trimEnd().split('\n');
      // pdftotext may drop the spaces around the number.
      expect(lines.at(-1)!.trim()).toMatch(new RegExp(`^— ?${i + 1} ?—$`));
    });
  });
});
