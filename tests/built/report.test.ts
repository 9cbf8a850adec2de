/**
 * The built /report/ page against the built /ledger.csv of the same build: one item per ledger
 * row with the same words, the same totals, the same date; linked from the ledger page, not
 * from the footer; no JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../../src/domain/ledger.ts';
import { TEXT_SIZE_SCRIPT } from '../../src/domain/text-size.ts';
import { REPORT_HEADINGS } from '../../src/domain/report/blocks.ts';
import { DIST, readPage, requireDist } from '../helpers/dist.ts';

beforeAll(requireDist);

describe('/report/', () => {
  const page = () => readPage('/report/');
  const ledger = () => parseCsv(readFileSync(join(DIST, 'ledger.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];

  it('has one item per ledger row, with the ledger’s words', () => {
    const rows = ledger();
    const items = page().querySelectorAll('.report-doc p.item');
    expect(items.length).toBe(rows.length);
    items.forEach((item, i) => {
      const row = rows[i]!;
      const heading = item.querySelector('strong')!.text;
      expect(heading).toBe(`${row['编号']!.split('-')[1]}.${row['整改措施']}。`);
      const facts = item.text
        .slice(heading.length)
        .split(/(?<=。)(?=最新进展：)/)[0]!
        .replace(/。$/, '');
      const fields = Object.fromEntries(facts.split('；').map((pair) => pair.split('：') as [string, string]));
      for (const { label } of LEDGER_COLUMNS.filter((c) => ['owners', 'deadline', 'status', 'countdown', 'completedOn'].includes(c.key))) {
        expect(fields[label] ?? '', `${row['编号']} ${label}`).toBe(row[label]);
      }
    });
  });

  it('gives the totals the ledger adds up to, on the ledger’s date', () => {
    const rows = ledger();
    const text = page().querySelector('.report-doc')!.text;
    const count = (status: string) => rows.filter((r) => r['整改状态']!.replace('（逾期）', '') === status).length;
    expect(text).toContain(
      `台账所列${rows.length}项中：已完成${count('已完成')}项、推进中${count('推进中')}项、长期坚持${count('长期坚持')}项、` +
        `未启动${count('未启动')}项，其中逾期${rows.filter((r) => r['整改状态']!.endsWith('（逾期）')).length}项`,
    );
    expect(text).toContain(`截至${rows[0]!['数据截至']}`);
    expect(
      page()
        .querySelectorAll('.report-doc h2')
        .map((h) => h.text),
    ).toEqual([...REPORT_HEADINGS]);
  });

  it('is linked from the ledger page and not from the footer, and runs no script but the text-size one', () => {
    expect(readPage('/ledger/').querySelectorAll('main a[href="/report/"]')).toHaveLength(1);
    expect(readPage('/').querySelectorAll('footer a[href="/report/"]')).toHaveLength(0);
    expect(
      page()
        .querySelectorAll('script')
        .map((s) => s.text),
    ).toEqual([TEXT_SIZE_SCRIPT]);
  });
});
