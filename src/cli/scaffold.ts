/**
 * What `npm run new` writes: a progress record, a post or a notice as a Markdown file with its
 * frontmatter, under a readable file name. Pure: the CLI (scripts/new.ts) asks the questions and
 * runs the checker on the result before anything is written.
 */
import { stringify } from 'yaml';
import type { CalendarDate } from '../domain/dates.ts';

export type ScaffoldKind = 'record' | 'post' | 'notice';

export interface RecordAnswers {
  title: string;
  date: CalendarDate;
  measures: string[];
  units: string[];
  status?: string | undefined;
  evidence?: string[] | undefined;
  body?: string | undefined;
}

export interface PostAnswers {
  title: string;
  date: CalendarDate;
  column: string;
  summary: string;
  /** File name the cover is copied to, beside the post. */
  cover?: string | undefined;
  coverAlt?: string | undefined;
  measures?: string[] | undefined;
  units?: string[] | undefined;
  screen?: boolean | undefined;
  body?: string | undefined;
}

export interface NoticeAnswers {
  title: string;
  /** The event's own date, when the notice announces one. */
  date?: string | undefined;
  start: string;
  end: string;
  measures?: string[] | undefined;
  urgent?: boolean | undefined;
  body?: string | undefined;
}

export const SCAFFOLD_DIRS: Record<ScaffoldKind, string> = {
  record: 'src/content/updates',
  post: 'src/content/posts',
  notice: 'src/content/notices',
};

/** Keeps only what a frontmatter should hold: no empty lists, no undefined. */
function clean(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

function markdown(data: Record<string, unknown>, body: string | undefined, placeholder: string): string {
  const yaml = stringify(clean(data), { lineWidth: 0, flowCollectionPadding: false, defaultStringType: 'PLAIN' });
  return `---\n${yaml}---\n\n${(body ?? '').trim() || placeholder}\n`;
}

/**
 * A readable file name: the date, then ASCII ids so it sorts by date and says what it is about.
 * @example fileName('2026-12-04', ['3-1', 'a-cun'], () => false) // '2026-12-04-3-1-a-cun'
 */
export function fileName(date: string, parts: readonly string[], taken: (name: string) => boolean): string {
  const slug = parts
    .map((p) => p.toLowerCase().replace(/[^a-z0-9-]+/g, '-'))
    .filter((p) => p && p !== '-')
    .join('-')
    .replace(/-+/g, '-')
    .slice(0, 60);
  const base = slug ? `${date}-${slug}` : date;
  let name = base;
  for (let n = 2; taken(name); n += 1) name = `${base}-${n}`;
  return name;
}

export function recordMarkdown(a: RecordAnswers): string {
  return markdown(
    { title: a.title, date: a.date, measures: a.measures, units: a.units, status: a.status, evidence: a.evidence },
    a.body,
    '（请在这里写做了什么：时间、地点、参加人员的范围、主要内容和结果。不写个人姓名和联系方式。）',
  );
}

export function postMarkdown(a: PostAnswers): string {
  return markdown(
    {
      title: a.title,
      date: a.date,
      column: a.column,
      summary: a.summary,
      cover: a.cover ? `./${a.cover}` : undefined,
      coverAlt: a.cover ? a.coverAlt : undefined,
      measures: a.measures,
      units: a.units,
      screen: a.screen || undefined,
    },
    a.body,
    '（请在这里写文章正文。）',
  );
}

export function noticeMarkdown(a: NoticeAnswers): string {
  return markdown(
    {
      title: a.title,
      date: a.date || undefined,
      start: a.start,
      end: a.end,
      urgent: a.urgent || undefined,
      measures: a.measures && a.measures.length > 0 ? a.measures : undefined,
    },
    a.body,
    '（请在这里写通知正文。）',
  );
}
