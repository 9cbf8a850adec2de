/**
 * The plan's items (整改条目: problems, measures and anything below) keep the document's numbering
 * as their id: item 3 of 方面 2 is `2-3`, the first item under it `2-3-1`. This module is the one
 * place that reads ids, walks the tree, inherits owners and deadlines, derives 完成时限 from the
 * plan's wording and rolls leaf states up to their parents.
 */
import { MEASURE_ID } from '../schemas/fields.ts';
import type { CalendarDate } from './dates.ts';
import { readDeadline } from './deadline-words.ts';
import { itemCitation, readMarker, toChineseNumeral } from './numbering.ts';
import {
  CLOSED_STATUSES,
  deriveMeasureState,
  statusCategory,
  type Deadline,
  type MeasureState,
  type MeasureStatus,
  type StatusChange,
  type StatusLabel,
} from './status.ts';

/**
 * The 方面 and the numbering path of an item id; `number` is the item's own number.
 * @example parseMeasureId('2-3') // { area: 2, number: 3, path: [2, 3] }
 * @example parseMeasureId('2-3-1') // { area: 2, number: 1, path: [2, 3, 1] }
 */
export function parseMeasureId(id: string): { area: number; number: number; path: number[] } | undefined {
  if (!MEASURE_ID.test(id)) return undefined;
  const path = id.split('-').map(Number);
  return { area: path[0]!, number: path.at(-1)!, path };
}

/**
 * Orders item ids as the plan does: 2-9 before 2-10, 2-3 before its children 2-3-1, all of 方面 2
 * before 方面 3.
 * @example ['2-10', '10-1', '2-9', '2-9-1'].sort(compareMeasureIds) // ['2-9', '2-9-1', '2-10', '10-1']
 */
export function compareMeasureIds(a: string, b: string): number {
  const pa = parseMeasureId(a)?.path;
  const pb = parseMeasureId(b)?.path;
  if (!pa || !pb) return a.localeCompare(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return pa.length - pb.length;
}

/**
 * The id of the item above, or undefined for an item directly under its 方面.
 * @example parentMeasureId('2-3-1') // '2-3'
 * @example parentMeasureId('2-3') // undefined
 */
export function parentMeasureId(id: string): string | undefined {
  const parts = id.split('-');
  return parts.length > 2 ? parts.slice(0, -1).join('-') : undefined;
}

/**
 * The ids with no other id below them: the items the site counts.
 * @example leafIds(['1-1', '1-1-1', '1-2']) // ['1-1-1', '1-2']
 */
export function leafIds(ids: readonly string[]): string[] {
  const parents = new Set(ids.map(parentMeasureId));
  return ids.filter((id) => !parents.has(id));
}

/** Level names when the plan lists none (`levels`): a 方面 is a 问题, and its items 整改措施. */
export const DEFAULT_LEVELS: readonly string[] = ['问题', '整改措施'];
/** The name of levels deeper than the plan lists. */
const DEEPER_LEVEL = '子项';

/** What a level is called: 0 for 方面, 1 for the items directly under them, and so on. */
export function levelName(levels: readonly string[] | undefined, depth: number): string {
  const names = levels && levels.length > 0 ? levels : DEFAULT_LEVELS;
  return names[depth] ?? DEEPER_LEVEL;
}

/**
 * What the counted items are called: the name of the deepest level that has them (整改措施 in a
 * plan of problems and measures).
 */
export function countedNoun(levels: readonly string[] | undefined, leaves: readonly { depth: number }[]): string {
  return levelName(levels, Math.max(1, ...leaves.map((l) => l.depth)));
}

/**
 * A 方面's numbering as the document writes it: its own `label`, or （一）（二）…
 * @example areaLabel({ number: 2 }) // '（二）'
 */
export function areaLabel(area: { number: number; label?: string | undefined }): string {
  return area.label ?? `（${toChineseNumeral(area.number)}）`;
}

/**
 * How a sentence names a 方面: the level's name with the document's numbering, 问题（二）, or
 * 第二方面 when the document numbers it 二、.
 * @example areaName({ number: 2 }, undefined) // '问题（二）'
 * @example areaName({ number: 2, label: '二' }, ['方面', '问题']) // '第二方面'
 */
export function areaName(area: { number: number; label?: string | undefined }, levels: readonly string[] | undefined): string {
  const label = areaLabel(area);
  const noun = levelName(levels, 0);
  const marker = readMarker(`${label}${/[、.．]$/.test(label) ? '' : '、'}x`)?.marker;
  return marker ? itemCitation([{ style: marker.style, ordinal: marker.ordinal }], [noun]) : `${noun}${label}`;
}

/**
 * How the site names an item: its level's name and its numbering (the document's `label`, or the
 * id), 整改措施 2-3, 问题 17.
 */
export function measureName(item: { id: string; label?: string | undefined }, levels: readonly string[] | undefined): string {
  const depth = item.id.split('-').length - 1;
  return `${levelName(levels, depth)} ${item.label ?? item.id}`;
}

/** What deadline resolution needs of an item. */
export interface DeadlineSource {
  deadline?: Deadline | undefined;
  deadlineText?: string | undefined;
}

/** An item's effective 完成时限: the date the site counts with, and the plan's wording when it has one. */
export interface ResolvedDeadline {
  deadline: Deadline;
  /** The plan's words (2023年6月底前, 立行立改), shown beside the date. */
  wording?: string;
  /** How the date was derived, or why none could be (年份取自方案). */
  note?: string;
}

/**
 * An item's own deadline: `deadline` when written, else the date its wording allows (6月底前,
 * 年底前, x月x日前; 立行立改 is due on the plan's issue date; 长期坚持 is 长期), else undefined, so that
 * the item above decides. Wording that gives no date (立行立改 without a plan date) counts as 待定.
 */
export function ownDeadline(item: DeadlineSource, ctx: { planDate?: CalendarDate | undefined } = {}): ResolvedDeadline | undefined {
  const wording = item.deadlineText;
  if (item.deadline !== undefined) return { deadline: item.deadline, ...(wording ? { wording } : {}) };
  if (!wording) return undefined;
  const reading = readDeadline(wording, ctx.planDate ? { issued: ctx.planDate, planYear: Number(ctx.planDate.slice(0, 4)) } : {});
  const deadline: Deadline = reading.date ?? (reading.ongoing ? '长期' : '待定');
  return { deadline, wording, ...(reading.note ? { note: reading.note } : {}) };
}

/**
 * Rolls the states of an item's leaves up to the item: done when every leaf is done, 长期坚持 when
 * every leaf is closed and one is ongoing, 未启动 when none has started, 推进中 otherwise; overdue
 * when any leaf is. The history is the item's own.
 */
export function rollUpState(leaves: readonly MeasureState[], own: MeasureState): MeasureState {
  if (leaves.length === 0) return own;
  const statuses = leaves.map((l) => l.status);
  const all = (s: MeasureStatus) => statuses.every((x) => x === s);
  const status: MeasureStatus = all('已完成')
    ? '已完成'
    : statuses.every((s) => CLOSED_STATUSES.has(s))
      ? '长期坚持'
      : all('未启动')
        ? '未启动'
        : '推进中';
  const state: MeasureState = {
    status,
    history: own.history,
    overdue: leaves.some((l) => l.overdue),
    closedLate: leaves.some((l) => l.closedLate),
  };
  const dates = (pick: (l: MeasureState) => CalendarDate | undefined) =>
    leaves
      .map(pick)
      .filter((d): d is CalendarDate => d !== undefined)
      .sort();
  const since = dates((l) => l.since).at(-1);
  if (since) state.since = since;
  if (status === '已完成') {
    const completed = dates((l) => l.completedOn).at(-1);
    if (completed) state.completedOn = completed;
  }
  const open = leaves.filter((l) => l.daysLeft !== undefined).map((l) => l.daysLeft!);
  if (!CLOSED_STATUSES.has(status) && open.length > 0) state.daysLeft = Math.min(...open);
  return state;
}

/** What status derivation needs of a progress record (进展记录). */
export interface StatusRecord {
  id: string;
  title: string;
  date: CalendarDate;
  /** Absent for a record about the plan as a whole (印发方案), which changes no measure's status. */
  measures?: readonly string[] | undefined;
  /** One of the four categories or a label of the site's vocabulary. */
  status?: string | undefined;
  completedOn?: CalendarDate | undefined;
  evidence?: readonly string[] | undefined;
}

/**
 * Groups the status changes that records make, by measure id. Records without a status
 * document work but change nothing.
 */
export function statusChangesByMeasure(records: readonly StatusRecord[], labels: readonly StatusLabel[] = []): Map<string, StatusChange[]> {
  const byMeasure = new Map<string, StatusChange[]>();
  for (const r of records) {
    // The checker refuses a status outside the vocabulary; one that slips through changes nothing.
    const status = r.status ? statusCategory(r.status, labels) : undefined;
    if (!status) continue;
    for (const measureId of r.measures ?? []) {
      const change: StatusChange = { date: r.date, status, recordId: r.id, title: r.title, evidence: r.evidence ?? [] };
      if (r.status !== status) change.label = r.status!;
      if (r.completedOn) change.completedOn = r.completedOn;
      const list = byMeasure.get(measureId) ?? [];
      list.push(change);
      byMeasure.set(measureId, list);
    }
  }
  return byMeasure;
}

/**
 * A sub-item's label after its parent's, as a document quotes it: 17 then 一是 reads 17一是, and
 * two numbers in a row are split by a dot, so 1 then 2 reads 1.2, not 12.
 * @example joinLabels('17', '一是') // '17一是'
 * @example joinLabels('1', '2') // '1.2'
 */
export function joinLabels(parent: string, own: string): string {
  return /\d$/.test(parent) && /^\d/.test(own) ? `${parent}.${own}` : `${parent}${own}`;
}

/** What the tree needs of an item entry: Astro's entries and the checker's loaded entries both fit. */
export interface ItemEntry {
  id: string;
  data: DeadlineSource & {
    title: string;
    label?: string | undefined;
    owners?: readonly string[] | undefined;
    leader?: string | undefined;
    areas?: readonly string[] | undefined;
  };
}

/** An item placed in the plan's tree, with what it inherits and its state on a date. */
export interface ItemNode<E extends ItemEntry = ItemEntry> {
  id: string;
  entry: E;
  area: number;
  number: number;
  /** 1 for an item directly under its 方面. */
  depth: number;
  /** The document's numbering down to this item: its own `label`s joined (17一是), or the id. */
  label: string;
  parent?: ItemNode<E>;
  children: ItemNode<E>[];
  leaf: boolean;
  /** Unit ids: its own, or the nearest item above's. */
  owners: readonly string[];
  leader?: string;
  deadline: Deadline;
  deadlineWording?: string;
  /** Other 方面 it also belongs to. */
  alsoIn: number[];
  /** A leaf's state from the records about it or any item above; a parent's rolled up from its leaves. */
  state: MeasureState;
}

/**
 * The plan's items as a tree, in the plan's order (parents before their children). Records about
 * an item apply to everything below it; owners, 责任领导 and deadlines are inherited downwards;
 * only records dated on or before `today` count.
 */
export function buildItemTree<E extends ItemEntry>(
  entries: readonly E[],
  ctx: { changes: ReadonlyMap<string, readonly StatusChange[]>; today: CalendarDate; planDate?: CalendarDate | undefined },
): ItemNode<E>[] {
  const sorted = [...entries].sort((a, b) => compareMeasureIds(a.id, b.id));
  const byId = new Map<string, ItemNode<E>>();
  const nodes: ItemNode<E>[] = [];
  for (const entry of sorted) {
    const { area, number, path } = parseMeasureId(entry.id) ?? { area: 0, number: 0, path: [] };
    const parentId = parentMeasureId(entry.id);
    const parent = parentId ? byId.get(parentId) : undefined;
    const own = ownDeadline(entry.data, { planDate: ctx.planDate });
    const deadline =
      own ?? (parent ? { deadline: parent.deadline, ...(parent.deadlineWording ? { wording: parent.deadlineWording } : {}) } : undefined);
    const ownLabel = entry.data.label;
    const changes = [...(ctx.changes.get(entry.id) ?? []), ...(parent ? parent.state.history : [])];
    const node: ItemNode<E> = {
      id: entry.id,
      entry,
      area,
      number,
      depth: path.length - 1,
      label: parent ? joinLabels(parent.label, ownLabel ?? `-${number}`) : (ownLabel ?? entry.id),
      children: [],
      leaf: true,
      owners: entry.data.owners ?? parent?.owners ?? [],
      deadline: deadline?.deadline ?? '待定',
      alsoIn: (entry.data.areas ?? []).map(Number).filter((n) => n !== area),
      state: deriveMeasureState(deadline?.deadline ?? '待定', changes, ctx.today),
    };
    const leader = entry.data.leader ?? parent?.leader;
    if (leader) node.leader = leader;
    if (deadline?.wording) node.deadlineWording = deadline.wording;
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
      parent.leaf = false;
    }
    byId.set(entry.id, node);
    nodes.push(node);
  }
  // Deepest first, so that a parent rolls up children whose own roll-up is done.
  for (const node of [...nodes].reverse()) {
    if (!node.leaf)
      node.state = rollUpState(
        leavesOf(node).map((l) => l.state),
        node.state,
      );
  }
  return nodes;
}

/** Every leaf at or below an item, in the plan's order. */
export function leavesOf<N extends { leaf: boolean; children: N[] }>(node: N): N[] {
  return node.leaf ? [node] : node.children.flatMap((c) => leavesOf(c));
}
