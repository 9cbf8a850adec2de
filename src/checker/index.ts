/**
 * The content checker: validates all content and data in one run and lists every problem as
 * `path:line  field  message`, in Chinese. `npm run check` runs it from the command line and
 * the build runs it first (see src/integrations/content-check.ts), so nothing wrong or
 * private is ever published.
 */
import { buildDate, type CalendarDate } from '../domain/dates.ts';
import { decodeText } from '../domain/csv.ts';
import { findPersonalData } from './privacy.ts';
import { ProjectFiles, type Override } from './files.ts';
import { formatIssue, IssueList, sortIssues, type Issue } from './issues.ts';
import { MAX_TABLE_BYTES } from './text.ts';
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

/** Files read as text for the personal-data scan; the names of all files are scanned too. */
const TEXT_EXTENSIONS = /\.(md|mdx|ya?ml|csv|json|txt|html?|svg|xml|css|js|mjs|ics|webmanifest)$/i;
/** Everything the build publishes from: content, data tables, and public/ (copied to the site as is). */
export const SCANNED_DIRS = ['src/content', 'data', 'public'] as const;
/** The report lists this many problems, then how many more there are. */
export const REPORT_LIMIT = 200;

function reportPersonalData(issues: IssueList, file: string, line: number, field: string, kind: 'id-card' | 'mobile', masked: string) {
  const what = kind === 'id-card' ? '身份证号码' : '手机号码';
  issues.error(file, line, field, `发现${what} ${masked}：网站只公布汇总数据，不得出现个人${what}，请删除`);
}

/**
 * Refuses ID-card and mobile numbers anywhere in content, data or public/, whatever the file's
 * encoding and however the number is written, and in file names (a name becomes a URL, a
 * sitemap entry and a search result). Symbolic links and unreadable folders are reported here.
 */
function checkPublishedFiles(files: ProjectFiles, issues: IssueList): number {
  let count = 0;
  for (const dir of SCANNED_DIRS) {
    for (const file of files.list(dir)) {
      count += 1;
      let name = file.slice(dir.length + 1);
      try {
        name = decodeURIComponent(name);
      } catch {
        // A name with a stray % is scanned as written.
      }
      for (const hit of findPersonalData(name)) reportPersonalData(issues, file, 1, '文件名', hit.kind, hit.masked);
      if (!TEXT_EXTENSIONS.test(file) || files.size(file) > MAX_TABLE_BYTES) continue;
      let text: string;
      try {
        text = decodeText(files.bytes(file)).text;
      } catch {
        continue; // reported by readText when the file is content or data
      }
      const lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
      const lineAt = (index: number) => {
        let lo = 0;
        let hi = lineStarts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (lineStarts[mid]! <= index) lo = mid;
          else hi = mid - 1;
        }
        return lo + 1;
      };
      for (const hit of findPersonalData(text)) reportPersonalData(issues, file, lineAt(hit.index), '个人信息', hit.kind, hit.masked);
    }
  }
  for (const link of files.links) {
    issues.error(link, 1, '文件', '这是符号链接（快捷方式），网站不跟随它：请把文件本身放进来，或删除它');
  }
  for (const [path, reason] of files.unreadable) issues.error(path, 1, '文件', `无法读取这个文件夹（${reason}）：请检查权限`);
  return count;
}

/** Checks the project at `root`. */
export function checkProject(root: string, options: CheckOptions = {}): CheckResult {
  const files = new ProjectFiles(root, options.overrides);
  const issues = new IssueList();
  const today = options.today ?? buildDate(process.env);
  const content = loadContent(files, issues);
  checkRules(content, files, issues, today);
  const scanned = checkPublishedFiles(files, issues);
  const sorted = sortIssues(issues.items);
  const errors = sorted.filter((i) => i.severity === 'error').length;
  return { issues: sorted, errors, warnings: sorted.length - errors, files: scanned, content };
}

/** The report printed by `npm run check` and by a refused build. */
export function formatReport(result: CheckResult): string {
  const lines = result.issues.slice(0, REPORT_LIMIT).map(formatIssue);
  if (result.issues.length > REPORT_LIMIT) {
    lines.push(`……另有 ${result.issues.length - REPORT_LIMIT} 个问题未列出（只列前 ${REPORT_LIMIT} 个），改好上面的再运行一次`);
  }
  const summary =
    result.errors > 0
      ? `内容检查未通过：${result.errors} 个错误，${result.warnings} 个警告（共检查 ${result.files} 个文件）。请逐条修改后再试。`
      : `内容检查通过：0 个错误，${result.warnings} 个警告（共检查 ${result.files} 个文件）。`;
  return [...lines, summary].join('\n');
}
