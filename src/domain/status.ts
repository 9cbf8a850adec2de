/**
 * A measure's status (整改状态) is never typed on the measure: it is the latest status set by a
 * dated progress record, so the site can show when and why it changed. 逾期 (overdue) is not a
 * status either: it follows from the deadline and the build date.
 */
import { daysBetween, type CalendarDate } from './dates.ts';

import { STATUSES, type MeasureStatus } from '../schemas/vocabulary.ts';

export { STATUSES, type MeasureStatus };

/** A plan's own word for a status (基本完成, 正在整改), mapped onto one of the four categories. */
export interface StatusLabel {
  label: string;
  status: MeasureStatus;
}

/**
 * The category of a status as a record writes it: one of the four, or a label of the site's
 * vocabulary (settings `statusLabels`); undefined when it is neither.
 * @example statusCategory('基本完成', [{ label: '基本完成', status: '已完成' }]) // '已完成'
 */
export function statusCategory(value: string, labels: readonly StatusLabel[] = []): MeasureStatus | undefined {
  if ((STATUSES as readonly string[]).includes(value)) return value as MeasureStatus;
  return labels.find((l) => l.label === value)?.status;
}

/** A measure's deadline (整改时限): a date, not yet set (待定), or ongoing (长期). */
export type Deadline = CalendarDate | '待定' | '长期';

/** Statuses that close a measure in the ledger (销号). 长期坚持 is closed as a rectification task and goes on as routine. */
export const CLOSED_STATUSES: ReadonlySet<MeasureStatus> = new Set(['已完成', '长期坚持']);

/** One status change, as a progress record states it. */
export interface StatusChange {
  /** The record's date. */
  date: CalendarDate;
  status: MeasureStatus;
  /** The record's own word for it when that is a label of the site's vocabulary (基本完成). */
  label?: string;
  /** The progress record's id, to link to it. */
  recordId: string;
  /** The record's title: why the status changed. */
  title: string;
  /** When the work was finished (defaults to the record's date). */
  completedOn?: CalendarDate;
  evidence: readonly string[];
}

export interface MeasureState {
  status: MeasureStatus;
  /** The date of the change that set the current status; absent while 未启动 without a record. */
  since?: CalendarDate;
  /** Set while the status is 已完成. */
  completedOn?: CalendarDate;
  /** Every change, oldest first. */
  history: StatusChange[];
  /** Past its deadline and not closed, on `today`. */
  overdue: boolean;
  /** Days from `today` to a dated deadline (negative once past), for open measures only. */
  daysLeft?: number;
  /** Closed after its deadline. */
  closedLate: boolean;
}

/** Orders changes by date, then by record id, so that two builds of the same content agree. */
export function sortChanges(changes: readonly StatusChange[]): StatusChange[] {
  return [...changes].sort((a, b) => (a.date === b.date ? a.recordId.localeCompare(b.recordId) : a.date < b.date ? -1 : 1));
}

/**
 * The state of one measure on `today`: the build date for the site, or any past date for a
 * progress report (整改进展情况报告) as of that day. Records dated after `today` have not happened
 * yet on that day and are left out, so the site, the ledger and a report of the same date agree.
 * @example deriveMeasureState('2026-10-31', [], '2026-11-26').overdue // true
 */
export function deriveMeasureState(deadline: Deadline, changes: readonly StatusChange[], today: CalendarDate): MeasureState {
  const history = sortChanges(changes.filter((c) => c.date <= today));
  const latest = history.at(-1);
  const status: MeasureStatus = latest?.status ?? '未启动';
  const closed = CLOSED_STATUSES.has(status);
  const dated = deadline !== '待定' && deadline !== '长期';
  const completedOn = status === '已完成' && latest ? (latest.completedOn ?? latest.date) : undefined;
  const closedOn = closed && latest ? (latest.completedOn ?? latest.date) : undefined;
  const state: MeasureState = {
    status,
    history,
    overdue: dated && !closed && today > deadline,
    closedLate: dated && closedOn !== undefined && closedOn > deadline,
  };
  if (latest) state.since = latest.date;
  if (completedOn) state.completedOn = completedOn;
  if (dated && !closed) state.daysLeft = daysBetween(today, deadline);
  return state;
}

export interface ProgressSummary {
  total: number;
  byStatus: Record<MeasureStatus, number>;
  overdue: number;
  /** Closed measures (已完成 + 长期坚持). */
  closed: number;
  /** Closed share, a whole percentage. */
  percentClosed: number;
}

/**
 * Counts measures by status.
 * @example summarise([{ status: '已完成', overdue: false }]).percentClosed // 100
 */
export function summarise(states: readonly Pick<MeasureState, 'status' | 'overdue'>[]): ProgressSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  let overdue = 0;
  for (const s of states) {
    byStatus[s.status] += 1;
    if (s.overdue) overdue += 1;
  }
  const closed = byStatus['已完成'] + byStatus['长期坚持'];
  const total = states.length;
  return { total, byStatus, overdue, closed, percentClosed: total === 0 ? 0 : Math.round((closed / total) * 100) };
}
