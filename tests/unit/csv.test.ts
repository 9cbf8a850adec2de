import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, decodeText, filledCells, neutraliseFormula, parseCsv, toExcelCsv } from '../../src/domain/csv.ts';
import { CSV_ALIASES } from '../../src/schemas/index.ts';

const SAMPLE = '统计期,单位,指标,数值\r\n2026-09,X村党支部,activity-days,1\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with a BOM (Excel "CSV UTF-8")', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });
  it('reads GB18030 (Excel "CSV" on a Chinese Windows PC)', () => {
    // 统计期 in GB18030/GBK.
    const bytes = new Uint8Array([0xcd, 0xb3, 0xbc, 0xc6, 0xc6, 0xda]);
    expect(decodeText(bytes)).toEqual({ text: '统计期', encoding: 'gb18030' });
  });
  it('reads UTF-16 LE with a BOM (Excel "Unicode text")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x2d, 0x4e]);
    expect(decodeText(bytes)).toEqual({ text: '中', encoding: 'utf-16le' });
  });
});

describe('parseCsv', () => {
  it('maps Chinese headers onto column names and counts lines as editors do', () => {
    const table = parseCsv(`${SAMPLE}\r\n2026-10, x-cun ,activity-days,0\r\n`, CSV_ALIASES);
    expect(table.columns).toEqual(['period', 'unit', 'metric', 'value']);
    expect(table.rows).toEqual([
      { line: 2, cells: { period: '2026-09', unit: 'X村党支部', metric: 'activity-days', value: '1' } },
      { line: 4, cells: { period: '2026-10', unit: 'x-cun', metric: 'activity-days', value: '0' } },
    ]);
  });
  it('keeps quoted commas and line breaks inside a cell', () => {
    const table = parseCsv('a,b\n"1,5","第一行\n第二行"\n3,4\n');
    expect(table.rows[0]!.cells).toEqual({ a: '1,5', b: '第一行\n第二行' });
    expect(table.rows[1]!.line).toBe(4);
  });
  it('gives missing trailing cells as empty text', () => {
    expect(parseCsv('a,b,c\n1\n').rows[0]!.cells).toEqual({ a: '1', b: '', c: '' });
  });
  it('throws a CsvSyntaxError with a line for an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,2\n"3,4\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,2\n"3,4\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBeGreaterThanOrEqual(3);
    }
  });
  it('returns no rows for an empty file', () => {
    expect(parseCsv('')).toEqual({ columns: [], rows: [] });
  });
});

describe('filledCells', () => {
  it('leaves out empty cells so optional columns may be blank and required ones are reported missing', () => {
    expect(filledCells({ period: '2026-09', value: '', note: '' })).toEqual({ period: '2026-09' });
  });
});

describe('decodeText, UTF-16', () => {
  it('reads UTF-16 BE with its BOM, and UTF-16 without a BOM by its zero bytes', () => {
    const le = Buffer.from('period,unit\n2026-09,djb\n', 'utf16le');
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...Buffer.from(le).swap16()]))).toEqual({
      text: 'period,unit\n2026-09,djb\n',
      encoding: 'utf-16be',
    });
    expect(decodeText(new Uint8Array(le))).toEqual({ text: 'period,unit\n2026-09,djb\n', encoding: 'utf-16le' });
  });
});

describe('neutraliseFormula', () => {
  it('prefixes cells Excel would run as formulas, as OWASP advises', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });
  it('leaves text and plain numbers, including negative ones, as they are', () => {
    for (const cell of ['X村党支部', '-5', '+3.5', '12%', '2026-09', 'a=b']) expect(neutraliseFormula(cell)).toBe(cell);
  });
  it('is applied by toExcelCsv, which a CSV parser reads back as text', () => {
    const csv = toExcelCsv([
      ['名称', '数值'],
      ['=1+1', -2],
    ]);
    expect(parseCsv(csv.replace(/^\uFEFF/, '')).rows[0]!.cells).toEqual({ 名称: "'=1+1", 数值: '-2' });
  });
});
