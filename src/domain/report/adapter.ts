/**
 * The one place that knows how the current content model (plan → areas → measures, dated
 * progress records) maps onto the report tree of `./model.ts`. Status comes from the same
 * functions the site uses (`statusChangesByMeasure`, `deriveMeasureState`) and every item's
 * words from the same ledger rows as /ledger/ and /ledger.csv, so the report of a date and the
 * ledger of that date cannot disagree. When the plan model changes, this file is replaced.
 */
import type { CalendarDate } from '../dates.ts';
import { deadlineText } from '../format.ts';
import { ledgerRows } from '../ledger.ts';
import {
  areaLabel,
  buildItemTree,
  countedNoun,
  statusChangesByMeasure,
  type ItemEntry,
  type ItemNode,
  type StatusRecord,
} from '../measures.ts';
import { reportedView, type ReportedFigure } from '../reported.ts';
import { CLOSED_STATUSES, summarise, type ProgressSummary, type StatusLabel } from '../status.ts';
import { flattenItems, type ProgressReport, type ReportEvidence, type ReportItem, type ReportSection } from './model.ts';

/** What the adapter needs of the content: Astro's entries and the checker's loaded entries both fit. */
export interface ReportSource {
  settings: { demo: boolean; statusLabels?: readonly StatusLabel[] | undefined };
  plan: {
    title: string;
    issuer: string;
    basis?: { issuer: string; title: string; number?: string | undefined } | undefined;
    declared: { areas: number; measures: number };
    reported?: readonly ReportedFigure[] | undefined;
    leadership?:
      | {
          leader?: string | undefined;
          deputies?: readonly string[] | undefined;
          members?: string | undefined;
          office?: string | undefined;
          officeHead?: string | undefined;
        }
      | undefined;
    milestones: readonly { title: string; date: CalendarDate | '待定' }[];
    issued?: CalendarDate | undefined;
    levels?: readonly string[] | undefined;
  };
  areas: readonly { id: string; data: { title: string; label?: string | undefined } }[];
  measures: readonly ItemEntry[];
  units: readonly { id: string; data: { name: string } }[];
  updates: readonly { id: string; data: Omit<StatusRecord, 'id'> }[];
}

/** Collections as a loader hands them over: one settings and one plan entry, then lists of entries. */
export interface LoadedCollections {
  settings: readonly { data: ReportSource['settings'] }[];
  plan: readonly { data: ReportSource['plan'] }[];
  areas: ReportSource['areas'];
  measures: ReportSource['measures'];
  units: ReportSource['units'];
  updates: ReportSource['updates'];
}

/**
 * The report's source from the checker's loaded content (the CLI and the tests read content that
 * way); the checker guarantees exactly one settings and one plan entry before this is called.
 */
export function reportSourceOf(content: LoadedCollections): ReportSource {
  const { settings, plan, areas, measures, units, updates } = content;
  return { settings: settings[0]!.data, plan: plan[0]!.data, areas, measures, units, updates };
}

/** The plan's reported figures known on the report's date, beside the report's own totals. */
function reportedOn(figures: readonly ReportedFigure[] | undefined, totals: ProgressSummary, noun: string, asOf: CalendarDate) {
  const reported = reportedView(figures, { total: totals.total, closed: totals.closed, noun, speaker: '台账' }, asOf);
  return reported ? { reported } : {};
}

/** Newest first; same-day records by id, as the site lists them. */
const newestFirst = (a: { id: string; date: string }, b: { id: string; date: string }) =>
  a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1;

/**
 * The progress report of the content as it stood on `asOf`: only records dated on or before it count.
 * @example reportFromContent(source, '2026-11-27').totals.byStatus['已完成']
 */
export function reportFromContent(source: ReportSource, asOf: CalendarDate): ProgressReport {
  const { plan } = source;
  const unitName = new Map(source.units.map((u) => [u.id, u.data.name]));
  const records = source.updates
    .map((u) => ({ id: u.id, ...u.data }))
    .filter((r) => r.date <= asOf)
    .sort(newestFirst);
  const changes = statusChangesByMeasure(records, source.settings.statusLabels);
  const latestByMeasure = new Map<string, ReportEvidence>();
  for (const r of records) {
    for (const id of r.measures ?? []) {
      if (!latestByMeasure.has(id)) latestByMeasure.set(id, { date: r.date, title: r.title, evidence: r.evidence ?? [] });
    }
  }

  const areas = [...source.areas].sort((a, b) => Number(a.id) - Number(b.id));
  const tree = buildItemTree(source.measures, { changes, today: asOf, planDate: plan.issued });
  const leaves = tree.filter((n) => n.leaf);
  const sections: ReportSection[] = areas.map((a) => ({
    label: areaLabel({ number: Number(a.id), label: a.data.label }),
    title: a.data.title,
    items: [],
  }));
  const sectionByArea = new Map(areas.map((a, i) => [Number(a.id), sections[i]!]));

  /** A report item from a tree node, with the words of its ledger row; parents carry their children. */
  const reportItem = (node: ItemNode, section: ReportSection): ReportItem => {
    const [row] = ledgerRows([
      {
        area: { label: section.label, title: section.title },
        measure: {
          id: node.id,
          label: node.label,
          title: node.entry.data.title,
          owners: node.owners.map((o) => unitName.get(o) ?? o),
          deadline: node.deadline,
          deadlineWording: node.deadlineWording,
          state: node.state,
        },
      },
    ]);
    const item: ReportItem = {
      id: node.id,
      label: `${node.entry.data.label ?? node.number}${node.entry.data.label ? '' : '.'}`,
      title: row!.measure,
      owners: row!.owners,
      deadline: row!.deadline,
      status: node.state.status,
      statusText: row!.status,
      overdue: node.state.overdue,
      countdown: row!.countdown,
      completedOn: row!.completedOn,
      children: node.children.map((c) => reportItem(c, section)),
    };
    const latest = latestByMeasure.get(node.id);
    if (latest) item.latest = latest;
    return item;
  };
  for (const node of tree) {
    if (node.parent) continue;
    const section = sectionByArea.get(node.area);
    if (section) section.items.push(reportItem(node, section));
  }

  const all = sections.flatMap((s) => flattenItems(s.items).map((item) => ({ section: s, item })));
  // Counts and the open list are of leaves, as the site counts: a parent is the sum of its leaves.
  const withStatus = all.filter(({ item }) => item.status !== undefined && item.children.length === 0);
  const totals = summarise(withStatus.map(({ item }) => ({ status: item.status!, overdue: item.overdue })));
  // Overdue first, then the nearest dated deadline, then 待定/长期; the plan's order breaks ties.
  const deadlineOf = new Map(tree.map((n) => [n.id, n.deadline]));
  const rank = (id: string, overdue: boolean) => {
    const d = deadlineOf.get(id);
    return `${overdue ? 0 : 1}${d === undefined || d === '待定' || d === '长期' ? '9999-99-99' : d}`;
  };
  const open = withStatus
    .filter(({ item }) => !CLOSED_STATUSES.has(item.status!))
    .map((entry, order) => ({ entry, order, key: rank(entry.item.id, entry.item.overdue) }))
    .sort((a, b) => (a.key === b.key ? a.order - b.order : a.key < b.key ? -1 : 1))
    .map(({ entry }) => entry);

  // Only the rows the plan states: a plan without a leadership group has none.
  const lead = plan.leadership ?? {};
  const organisation = [
    { label: '领导小组组长', value: lead.leader },
    { label: '副组长', value: lead.deputies?.length ? lead.deputies.join('、') : undefined },
    { label: '成员', value: lead.members },
    {
      label: '领导小组办公室',
      value: lead.office
        ? `设在${unitName.get(lead.office) ?? lead.office}${lead.officeHead ? `，${lead.officeHead}负责日常整改工作` : ''}`
        : undefined,
    },
  ].filter((r): r is { label: string; value: string } => r.value !== undefined);

  return {
    asOf,
    demo: source.settings.demo,
    title: `${plan.issuer}关于《${plan.title}》整改进展情况的报告`,
    issuer: plan.issuer,
    plan: {
      title: plan.title,
      ...(plan.basis ? { basis: `${plan.basis.issuer}《${plan.basis.title}》${plan.basis.number ? `（${plan.basis.number}）` : ''}` } : {}),
    },
    organisation,
    milestones: plan.milestones.map((m) => ({ label: m.title, value: deadlineText(m.date) })),
    declared: [
      { what: '个方面', declared: plan.declared.areas, counted: sections.length },
      { what: '项整改措施', declared: plan.declared.measures, counted: leaves.length },
    ],
    totals,
    ...reportedOn(plan.reported, totals, countedNoun(plan.levels, leaves), asOf),
    sections,
    open,
  };
}
