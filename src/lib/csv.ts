/**
 * Reads the CSV tables the office exports from Excel. Excel on a Chinese Windows PC writes
 * "CSV (逗号分隔)" in GB18030/GBK and "CSV UTF-8" with a byte-order mark; both must load
 * without the editor knowing the difference.
 */
import { parse } from 'csv-parse/sync';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le';

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE with BOM, else GB18030.
 * @example decodeText(new Uint8Array([0xd6, 0xd0])).text // '中' (GB18030)
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
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
