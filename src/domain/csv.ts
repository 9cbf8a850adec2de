/**
 * Reads the CSV tables the office exports from Excel. Excel on a Chinese Windows PC writes
 * "CSV (逗号分隔)" in GB18030/GBK and "CSV UTF-8" with a byte-order mark; both must load
 * without the editor knowing the difference.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** How an encoding is named to an editor (what Notepad and Excel call it). */
export const ENCODING_LABELS: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK（GB18030，ANSI）',
  'utf-16le': 'UTF-16 LE（Unicode）',
  'utf-16be': 'UTF-16 BE（Unicode big endian）',
};

/**
 * UTF-16 without a byte-order mark: ASCII-heavy text then has a zero byte in every other
 * position, which UTF-8 and GB18030 text never has.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 1) if (sample[i] === 0) i % 2 === 0 ? (evenZeros += 1) : (oddZeros += 1);
  const half = sample.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return 'utf-16le';
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE or BE (with a BOM, or recognised
 * by its zero bytes), else GB18030 (what Excel on a Chinese Windows PC writes).
 * @example decodeText(new Uint8Array([0xd6, 0xd0])).text // '中' (GB18030)
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    // Valid UTF-8 is almost never valid-looking GB18030 Chinese by accident, and the reverse
    // fails UTF-8 decoding fast, so trying UTF-8 strictly first is safe.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export interface CsvRow {
  /** 1-based line of the row in the file, as an editor counts lines. */
  line: number;
  /** Cells by (normalised) column name. */
  cells: Record<string, string>;
}

export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/**
 * A row's cells without the empty ones: an empty cell means "not given", so an optional column
 * may be left blank and a required one is reported as missing (never read as 0 or "").
 * @example filledCells({ value: '', note: '演示' }) // { note: '演示' }
 */
export function filledCells(cells: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== ''));
}

/**
 * Parses CSV text with a header row into rows keyed by column name. `aliases` maps header
 * names as editors write them (e.g. 单位) onto the canonical column names (e.g. unit).
 * Blank lines are skipped; cells are trimmed.
 */
export function parseCsv(text: string, aliases: Readonly<Record<string, string>> = {}): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes with its line; csv-parse's overloads do not express that.
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new CsvSyntaxError(e.message ?? String(error), e.lines ?? 1);
  }
  const [header, ...body] = records;
  if (!header) return { columns: [], rows: [] };
  const columns = header.record.map((name) => aliases[name] ?? name);
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])),
  }));
  return { columns, rows };
}

/** A number as Excel reads it (so `-5` and `+3.5` stay numbers and are not mistaken for formulas). */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

/**
 * A cell safe to open in Excel: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is a formula there (`=HYPERLINK(…)`), so it gets a leading `'`, as OWASP advises for
 * CSV injection. Plain numbers stay as they are.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/**
 * Rows as CSV for Excel: UTF-8 with a byte-order mark (so Excel detects the encoding), CRLF
 * line ends, every text cell neutralised against formula injection.
 */
export function toExcelCsv(rows: readonly (readonly (string | number)[])[]): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : neutraliseFormula(cell))));
  return `\uFEFF${stringify(safe, { record_delimiter: '\r\n' })}`;
}
