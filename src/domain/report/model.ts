/**
 * 整改进展情况报告: the progress report an office sends upward, as a small typed tree that does not
 * depend on how the plan is modelled. Sections (the plan's 方面) hold items of any depth (问题 →
 * 措施 → sub-items), each with its own label, owners, deadline wording, status on the report's
 * date and latest evidence. One adapter (`./adapter.ts`) builds it from the content; the
 * renderers (Markdown, .docx, the /report/ page) only read it, so a new plan model replaces the
 * adapter and nothing else.
 */
import type { CalendarDate } from '../dates.ts';
import type { MeasureStatus, ProgressSummary } from '../status.ts';
import type { ReportedView } from '../reported.ts';

/** What the office must write itself; never filled with invented text. */
export const PLACEHOLDER = '【待填写】';

/** A labelled fact the report states as written in the content (组长: X同志). */
export interface ReportFact {
  label: string;
  value: string;
}

/** The latest progress record (进展记录) about an item on the report's date. */
export interface ReportEvidence {
  date: CalendarDate;
  /** What was done, as the record's title says. */
  title: string;
  /** 佐证材料, as listed on the record. */
  evidence: readonly string[];
}

export interface ReportItem {
  /** Stable id from the content (a measure id such as `2-3`). */
  id: string;
  /** The item's own numbering in the plan: `1.`, `（1）`, `一是`. */
  label: string;
  title: string;
  /** 责任单位, joined with 、, as the ledger writes them. */
  owners: string;
  /** 整改时限 in words, as the ledger writes it. */
  deadline: string;
  /** The status category on the report's date; absent for items that only group others. */
  status?: MeasureStatus;
  /** The status as the ledger writes it on that date, e.g. 推进中（逾期）. */
  statusText: string;
  overdue: boolean;
  /** 还剩 n 天 / 已逾期 n 天 / empty, as in the ledger. */
  countdown: string;
  /** 完成日期 in words, when 已完成. */
  completedOn: string;
  latest?: ReportEvidence;
  children: ReportItem[];
}

/** A 方面 of the plan: （一）…, its problem statement, and its items. */
export interface ReportSection {
  /** `（一）`. */
  label: string;
  title: string;
  items: ReportItem[];
}

/** A figure the plan itself declares (方案列明 5 个方面 21 项整改措施), beside the counted one. */
export interface DeclaredFigure {
  /** 个方面, 项整改措施. */
  what: string;
  declared: number;
  /** What the content holds; differs when the plan's own count is not what it lists. */
  counted: number;
}

export interface ProgressReport {
  asOf: CalendarDate;
  /** The content is demonstration data (站点设置 demo): the report says so at the top. */
  demo: boolean;
  title: string;
  /** 主送 机关; undefined when the content does not say (the office fills it in). */
  recipient?: string;
  /** 落款: the reporting organisation; undefined when the content does not say. */
  issuer?: string;
  plan: { title: string; basis?: string };
  /** 一、整改工作开展情况: how the work was organised, as the plan states it. */
  organisation: ReportFact[];
  /** The plan's milestones (时间节点) with their dates in words. */
  milestones: ReportFact[];
  declared: DeclaredFigure[];
  /** Counts of the items that carry a status, in the site's categories. */
  totals: ProgressSummary;
  /** The plan's own reported figures known on `asOf`, beside `totals` (never instead of them). */
  reported?: ReportedView;
  sections: ReportSection[];
  /** 三、存在的问题: open items (overdue first, then by deadline), with the section they belong to. */
  open: { section: ReportSection; item: ReportItem }[];
}

/** Every item of the tree, depth first, in the plan's order. */
export function flattenItems(items: readonly ReportItem[]): ReportItem[] {
  return items.flatMap((item) => [item, ...flattenItems(item.children)]);
}
