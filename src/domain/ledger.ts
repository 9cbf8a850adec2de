/**
 * 整改台账: the ledger an inspection asks for, one row per measure, from problem to 销号. The
 * page and the CSV download are generated from the same rows.
 */
import { toExcelCsv } from './csv.ts';
import { formatDate } from './dates.ts';
import { countdownText, deadlineText } from './format.ts';
import { CLOSED_STATUSES, type Deadline, type MeasureState } from './status.ts';

export interface LedgerInput {
  /** `label`: the 方面's numbering as the plan writes it, （一）. */
  area: { label: string; title: string };
  /**
   * `label`: the item's numbering as the plan writes it (2-3, 17一是); `deadlineWording`: the
   * plan's words for its deadline, kept beside the date.
   */
  measure: {
    id: string;
    label: string;
    title: string;
    owners: readonly string[];
    deadline: Deadline;
    deadlineWording?: string | undefined;
    state: MeasureState;
  };
}

export interface LedgerRow {
  /** （一）… as in the plan. */
  problem: string;
  measureId: string;
  /** The item's numbering as the plan writes it. */
  label: string;
  measure: string;
  owners: string;
  deadline: string;
  status: string;
  /** 逾期 / 还剩 n 天 / empty. */
  countdown: string;
  /** Completion date, when 已完成. */
  completedOn: string;
  /** 已销号 for closed measures, 未销号 otherwise. */
  closed: string;
  /** The date of the latest status change. */
  lastChange: string;
}

/**
 * A deadline as the ledger shows it: the plan's words, and the date the site counts with when the
 * words are not already that date.
 * @example withWording('2023年6月30日', '2023年6月底前') // '2023年6月底前（2023年6月30日）'
 * @example withWording('长期', undefined) // '长期'
 */
export function withWording(date: string, wording: string | undefined): string {
  if (!wording || wording === date) return date;
  return `${wording}（${date}）`;
}

/** Builds the ledger rows in the plan's order (the caller passes measures sorted). */
export function ledgerRows(items: readonly LedgerInput[]): LedgerRow[] {
  return items.map(({ area, measure }) => ({
    problem: `${area.label}${area.title}`,
    measureId: measure.id,
    label: measure.label,
    measure: measure.title,
    owners: measure.owners.join('、'),
    deadline: withWording(deadlineText(measure.deadline), measure.deadlineWording),
    status: measure.state.overdue ? `${measure.state.status}（逾期）` : measure.state.status,
    countdown: countdownText(measure.state),
    completedOn: measure.state.completedOn ? formatDate(measure.state.completedOn) : '',
    closed: CLOSED_STATUSES.has(measure.state.status) ? '已销号' : '未销号',
    lastChange: measure.state.since ? formatDate(measure.state.since) : '',
  }));
}

/** Rows of one problem, in the plan's order. */
export interface LedgerGroup {
  problem: string;
  rows: LedgerRow[];
}

/**
 * The rows grouped by problem, as a paper 台账 merges the problem cell over its measures.
 * Consecutive rows of the same problem form a group (the rows come in the plan's order).
 * @example ledgerGroups([{ problem: 'a' }, { problem: 'a' }, { problem: 'b' }] as LedgerRow[]).map((g) => g.rows.length) // [2, 1]
 */
export function ledgerGroups(rows: readonly LedgerRow[]): LedgerGroup[] {
  const groups: LedgerGroup[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.problem === row.problem) last.rows.push(row);
    else groups.push({ problem: row.problem, rows: [row] });
  }
  return groups;
}

export const LEDGER_COLUMNS: readonly { key: keyof LedgerRow; label: string }[] = [
  { key: 'problem', label: '问题' },
  { key: 'measureId', label: '编号' },
  { key: 'measure', label: '整改措施' },
  { key: 'owners', label: '责任单位' },
  { key: 'deadline', label: '整改时限' },
  { key: 'status', label: '整改状态' },
  { key: 'countdown', label: '剩余时间' },
  { key: 'completedOn', label: '完成日期' },
  { key: 'closed', label: '销号' },
  { key: 'lastChange', label: '最近变化' },
];

/**
 * The ledger as CSV, one row per measure, UTF-8 with a byte-order mark and CRLF line ends so
 * Excel on a Chinese Windows PC opens it with the right characters. Every row carries the
 * data-as-of date, so a saved copy says when it was true. Cells an editor wrote that Excel would
 * run as a formula are neutralised (see `neutraliseFormula`).
 */
export function ledgerCsv(rows: readonly LedgerRow[], asOf: string): string {
  const header = [...LEDGER_COLUMNS.map((c) => c.label), '数据截至'];
  const records = rows.map((r) => [...LEDGER_COLUMNS.map((c) => r[c.key]), formatDate(asOf)]);
  return toExcelCsv([header, ...records]);
}
