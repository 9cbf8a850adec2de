/** What the checker reports: one line per problem, `path:line  field  message`. */

export type Severity = 'error' | 'warning';

export interface Issue {
  /** Project-relative path with `/`. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** The field (frontmatter path such as `owners[1]`, a CSV column, or 正文 for the body). */
  field: string;
  /** What is wrong and what is allowed, in Chinese. */
  message: string;
  severity: Severity;
}

/** Collects issues while the checker runs. */
export class IssueList {
  readonly items: Issue[] = [];

  error(file: string, line: number, field: string, message: string): void {
    this.items.push({ file, line, field, message, severity: 'error' });
  }

  warning(file: string, line: number, field: string, message: string): void {
    this.items.push({ file, line, field, message, severity: 'warning' });
  }
}

/**
 * Formats a zod-style path for editors.
 * @example fieldName(['manifestations', 0, 'title']) // 'manifestations[0].title'
 */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/**
 * One issue as a line of the report.
 * @example formatIssue({ file: 'a.md', line: 3, field: 'date', message: '…', severity: 'warning' }) // 'a.md:3  date  警告：…'
 */
export function formatIssue(issue: Issue): string {
  return `${issue.file}:${issue.line}  ${issue.field}  ${issue.severity === 'warning' ? '警告：' : ''}${issue.message}`;
}

/** Sorts by file, then line, so the report reads top to bottom. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
