/**
 * npm run report -- [--as-of YYYY-MM-DD] [--out DIR]: writes the progress report (整改进展情况报告)
 * as of a date, from the content and its dated progress records, as
 * `整改进展情况报告-<date>.docx` (GB/T 9704 layout, for sending upward) and `.md`. Without
 * --as-of the date is today in Asia/Shanghai (or SOURCE_DATE_EPOCH), as the site's 数据截至.
 * The content is checked first; a report is never drafted from content with errors.
 *
 *   npm run report
 *   npm run report -- --as-of 2026-10-31 --out ~/报告
 *
 * The work is `runReport()`, which returns the exit code instead of exiting, so the tests drive
 * it in-process (one process start costs more than the checker run) and one test runs the CLI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkProject, formatReport } from '../src/checker/index.ts';
import { buildDate, formatDate } from '../src/domain/dates.ts';
import { isCalendarDate } from '../src/schemas/vocabulary.ts';
import { reportFromContent, reportSourceOf } from '../src/domain/report/adapter.ts';
import { reportDocx } from '../src/domain/report/docx.ts';
import { reportMarkdown } from '../src/domain/report/markdown.ts';

/** Ends the run: caught by runReport(), which returns the message and the exit code 1. */
class Exit {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}
function fail(message: string): never {
  throw new Exit(message);
}

export interface ReportIo {
  /** The closing summary (stdout for the CLI). */
  out: (text: string) => void;
  /** A warning that does not stop the report (stderr for the CLI). */
  warn: (text: string) => void;
  /** SOURCE_DATE_EPOCH fixes "today". */
  env: NodeJS.ProcessEnv;
}

/** Runs `npm run report` with these arguments; resolves to the exit code and the message for stderr. */
export async function runReport(argv: string[], io: ReportIo): Promise<{ code: number; error?: string }> {
  try {
    return { code: await reportEntry(argv, io) };
  } catch (e) {
    if (e instanceof Exit) return { code: 1, error: e.message };
    throw e;
  }
}

async function reportEntry(argv: string[], io: ReportIo): Promise<number> {
  let values: { 'as-of'?: string | undefined; out?: string | undefined; root?: string | undefined };
  try {
    ({ values } = parseArgs({ args: argv, options: { 'as-of': { type: 'string' }, out: { type: 'string' }, root: { type: 'string' } } }));
  } catch (error) {
    fail(`参数有误：${(error as Error).message}\n用法：npm run report -- [--as-of YYYY-MM-DD] [--out 文件夹]`);
  }

  const today = buildDate(io.env);
  const asOf = values['as-of'] ?? today;
  if (!isCalendarDate(asOf)) fail(`--as-of 的日期“${asOf}”无效：请写成 YYYY-MM-DD，例如 ${today}`);
  if (asOf > today) io.warn(`注意：报告日期 ${formatDate(asOf)} 晚于今天（${formatDate(today)}），其后的进展尚未发生。`);

  const root = resolve(values.root ?? '.');
  const result = checkProject(root, { today });
  if (result.errors > 0) fail(`${formatReport(result)}\n内容有错误，未生成报告。`);
  const { content } = result;
  const report = reportFromContent(reportSourceOf(content), asOf);

  const out = resolve(values.out ?? 'reports');
  mkdirSync(out, { recursive: true });
  const base = join(out, `整改进展情况报告-${asOf}`);
  writeFileSync(`${base}.docx`, await reportDocx(report));
  writeFileSync(`${base}.md`, reportMarkdown(report));
  const { totals } = report;
  io.out(
    `已生成截至${formatDate(asOf)}的整改进展情况报告：共 ${totals.total} 项，已完成 ${totals.byStatus['已完成']} 项、推进中 ${totals.byStatus['推进中']} 项、` +
      `长期坚持 ${totals.byStatus['长期坚持']} 项、未启动 ${totals.byStatus['未启动']} 项，其中逾期 ${totals.overdue} 项。\n  ${base}.docx\n  ${base}.md\n` +
      `标有“【待填写】”的地方（导语、主送机关、工作情况和下一步打算）请补写后再报送。`,
  );
  return 0;
}

if (import.meta.main) {
  const { code, error } = await runReport(process.argv.slice(2), { out: console.log, warn: console.warn, env: process.env });
  if (error) console.error(error);
  process.exitCode = code;
}
