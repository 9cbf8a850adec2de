/**
 * The content checker: validates all content and data in one run and lists every problem as
 * `path:line  field  message`, in Chinese. `npm run check` runs it from the command line and
 * the build runs it first (see src/integrations/content-check.ts), so nothing wrong or
 * private is ever published.
 */
import { buildDate, type CalendarDate } from '../lib/dates.ts';
import { decodeText } from '../lib/csv.ts';
import { findPersonalData } from '../lib/privacy.ts';
import { ProjectFiles, type Override } from './files.ts';
import { formatIssue, IssueList, sortIssues, type Issue } from './issues.ts';
import { loadContent, type LoadedContent } from './load.ts';
import { checkRules } from './rules.ts';

export { formatIssue, type Issue } from './issues.ts';

export interface CheckOptions {
  /** Project-relative paths mapped to replacement contents (or `null` to delete), for tests. */
  overrides?: ReadonlyMap<string, Override>;
  /** The build date; defaults to today in Asia/Shanghai (or SOURCE_DATE_EPOCH). */
  today?: CalendarDate;
}

export interface CheckResult {
  issues: Issue[];
  errors: number;
  warnings: number;
  /** How many files were read. */
  files: number;
  content: LoadedContent;
}

const TEXT_EXTENSIONS = /\.(md|mdx|ya?ml|csv|json|txt|html?)$/i;
export const SCANNED_DIRS = ['src/content', 'data'] as const;

/** Refuses ID-card and mobile numbers anywhere in content or data, whatever the file's encoding. */
function checkPersonalData(files: ProjectFiles, issues: IssueList): number {
  let count = 0;
  for (const dir of SCANNED_DIRS) {
    for (const file of files.list(dir)) {
      if (!TEXT_EXTENSIONS.test(file)) continue;
      count += 1;
      const { text } = decodeText(files.bytes(file));
      for (const hit of findPersonalData(text)) {
        const line = text.slice(0, hit.index).split('\n').length;
        const what = hit.kind === 'id-card' ? '身份证号码' : '手机号码';
        issues.error(file, line, '个人信息', `发现${what} ${hit.masked}：网站只公布汇总数据，不得出现个人${what}，请删除`);
      }
    }
  }
  return count;
}

/** Checks the project at `root`. */
export function checkProject(root: string, options: CheckOptions = {}): CheckResult {
  const files = new ProjectFiles(root, options.overrides);
  const issues = new IssueList();
  const today = options.today ?? buildDate(process.env);
  const content = loadContent(files, issues);
  checkRules(content, files, issues, today);
  const scanned = checkPersonalData(files, issues);
  const sorted = sortIssues(issues.items);
  const errors = sorted.filter((i) => i.severity === 'error').length;
  return { issues: sorted, errors, warnings: sorted.length - errors, files: scanned, content };
}

/** The report printed by `npm run check` and by a refused build. */
export function formatReport(result: CheckResult): string {
  const lines = result.issues.map(formatIssue);
  const summary =
    result.errors > 0
      ? `内容检查未通过：${result.errors} 个错误，${result.warnings} 个警告（共检查 ${result.files} 个文件）。请逐条修改后再试。`
      : `内容检查通过：0 个错误，${result.warnings} 个警告（共检查 ${result.files} 个文件）。`;
  return [...lines, summary].join('\n');
}
