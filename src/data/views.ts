/**
 * The view model's types: what pages and components receive from src/data/site.ts (which
 * re-exports them), one interface per kind of page.
 */
import type { CollectionEntry, CollectionKey } from 'astro:content';
import type { CalendarDate } from '../domain/dates.ts';
import type { RecurrenceRule } from '../domain/recurrence.ts';
import type { ChartSpec } from '../domain/charts.ts';
import type { LedgerRow } from '../domain/ledger.ts';
import type { Deadline, MeasureState, MeasureStatus, ProgressSummary } from '../domain/status.ts';
import type { ReportedView } from '../domain/reported.ts';

type Data<C extends CollectionKey> = CollectionEntry<C>['data'];

export interface Link {
  id: string;
  title: string;
}

/**
 * An item of the plan (整改条目): a problem, a measure or an item below. Owners and the deadline
 * are effective ones: the item's own, or inherited from the item above.
 */
export interface MeasureView {
  id: string;
  area: number;
  /** Its own number at its level. */
  number: number;
  title: string;
  /** The document's numbering down to this item (17, 17一是), or the id. */
  label: string;
  /** How the site names it: its level and numbering, 整改措施 2-3, 问题 17. */
  name: string;
  /** 1 for an item directly under its 方面. */
  depth: number;
  /** The item above, for items below the first level. */
  parent?: Link;
  /** Items directly below, in the plan's order. */
  children: MeasureView[];
  /** Nothing below it: the items that counts, charts and the ledger count. */
  leaf: boolean;
  /** Other 方面 it also belongs to (`areas`). */
  alsoIn: number[];
  owners: UnitRef[];
  /** 责任领导 as the plan publishes it. */
  leader?: string;
  deadline: Deadline;
  /** The plan's own words for the deadline (2023年6月底前), when it gives them. */
  deadlineWording?: string;
  /** For a parent: the roll-up of its leaves; for a leaf: its own records. */
  state: MeasureState;
  entry: CollectionEntry<'measures'>;
  previous?: Link;
  next?: Link;
  /** Progress records about this measure, newest first. */
  records: RecordView[];
  /** The later of its text's last commit and its latest record. */
  updated?: CalendarDate;
  /** Posts about this measure, newest first. */
  posts: PostView[];
  /** Current notices naming this measure. */
  notices: NoticeView[];
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface UnitView extends UnitRef {
  kind: Data<'units'>['kind'];
  /** Whether its kind has a printable bulletin board (settings `unitKinds`). */
  board: boolean;
  entry: CollectionEntry<'units'>;
  /** Measures the unit is responsible for (its checklist), in the plan's order. */
  measures: MeasureView[];
  summary: ProgressSummary;
  /** Records naming the unit, newest first. */
  records: RecordView[];
  updated?: CalendarDate;
}

export interface AreaView {
  id: string;
  number: number;
  /** The document's numbering: （一）, 二. */
  label: string;
  /** How a sentence names it: 问题（一）, 第二方面. */
  name: string;
  /** What its first-level items are called (plan `levels`): 整改措施, 问题. */
  itemNoun: string;
  title: string;
  manifestations: NonNullable<Data<'areas'>['manifestations']>;
  /** Its first-level items, then items of other 方面 linked to it; children hang below each. */
  measures: MeasureView[];
  /** Every leaf below it, counted once: what its summary counts. */
  leaves: MeasureView[];
  entry: CollectionEntry<'areas'>;
  summary: ProgressSummary;
  updated?: CalendarDate;
}

export interface RecordView {
  id: string;
  title: string;
  date: CalendarDate;
  /** The category the record sets (未启动/推进中/已完成/长期坚持). */
  status?: MeasureStatus;
  /** The record's own word for it when that is a label of the site's vocabulary (基本完成). */
  statusLabel?: string;
  evidence: readonly string[];
  measures: Link[];
  units: UnitRef[];
  entry: CollectionEntry<'updates'>;
}

export interface PostView {
  id: string;
  title: string;
  date: CalendarDate;
  summary: string;
  column: Link;
  screen: boolean;
  entry: CollectionEntry<'posts'>;
}

export interface ColumnView {
  id: string;
  title: string;
  description: string;
  /** Newest first. */
  posts: PostView[];
}

export interface NoticeView {
  id: string;
  title: string;
  /** When it is shown (display window), Asia/Shanghai `YYYY-MM-DD HH:mm`: not the event's date. */
  start: string;
  end: string;
  /** The day it was published: the first day of its display window. */
  published: CalendarDate;
  /** The date of the event it announces, when it has one. */
  date?: CalendarDate;
  /** The first sentence of its body, for the home and measure pages. */
  lead: string;
  /** Measures it concerns; their pages show it while it is current. */
  measures: Link[];
  urgent: boolean;
  /** Preset ids the notice is for; empty for every screen. */
  screens: readonly string[];
  /** The body as plain text, for the display screens. */
  text: string;
  entry: CollectionEntry<'notices'>;
}

export interface ScreenView {
  id: string;
  data: Data<'screens'>;
}

export interface ChartSet {
  status: ChartSpec;
  areas: ChartSpec;
  units: ChartSpec;
  burnDown: ChartSpec;
  /** One chart per metric of data/metrics.csv, all units. */
  metrics: ChartSpec[];
  /** Status of each area's measures. */
  byArea: ReadonlyMap<string, ChartSpec>;
  /** Metric charts of the measures that set a target. */
  byMeasure: ReadonlyMap<string, ChartSpec[]>;
  /** Metric charts of one unit's own figures. */
  byUnit: ReadonlyMap<string, ChartSpec[]>;
  /** Every chart above, for the CSV downloads. */
  all: ChartSpec[];
}

/** A recurring obligation of the plan (settings `obligations`), with its next date when it has a fixed day. */
export interface ObligationView {
  id: string;
  title: string;
  rule: RecurrenceRule;
  /** The plan's own wording of when, or the rule in words. */
  when: string;
  audience?: string;
  description: string;
  /** The measures it comes from. */
  measures: Link[];
  /** The next occurrence on or after the build date; none when the rule fixes only a period. */
  next?: CalendarDate;
}

/** The item shown as the campaign on the screens and boards (settings `campaign`). */
export interface CampaignView {
  title: string;
  area: AreaView;
}

export interface SiteModel {
  settings: Data<'settings'>;
  plan: CollectionEntry<'plan'>;
  duties: CollectionEntry<'duties'>[];
  requirements: CollectionEntry<'requirements'>[];
  /** 数据截至: the build date, the only wall-clock date on the site. */
  today: CalendarDate;
  /** When the plan's text last changed (git history). */
  planUpdated?: CalendarDate;
  /** Recurring obligations, in the settings' order. */
  obligations: ObligationView[];
  /** The campaign the screens and boards show, when the settings name one. */
  campaign?: CampaignView;
  areas: AreaView[];
  /** Every item, in the plan's order (parents before their children). */
  measures: MeasureView[];
  /** The items counted: those with nothing below. */
  leaves: MeasureView[];
  measureById: ReadonlyMap<string, MeasureView>;
  /** What the plan calls each level, from 方面 down (plan `levels`). */
  levels: readonly string[];
  /** What the counted items are called: the name of the deepest level that has items (整改措施). */
  leafNoun: string;
  summary: ProgressSummary;
  /** The plan's own reported figures (plan.md `reported`) beside `summary`, when it reports any. */
  reported?: ReportedView;
  units: UnitView[];
  /** Newest first. */
  records: RecordView[];
  /** Newest first. */
  posts: PostView[];
  columns: ColumnView[];
  /** Notices not yet ended on the build date, soonest first. */
  notices: NoticeView[];
  /** Every notice, by start; the display screens check the time window themselves. */
  allNotices: NoticeView[];
  /** Every notice, newest first: the /notices/ page. */
  noticeArchive: NoticeView[];
  screens: ScreenView[];
  /** Open measures with a dated deadline, soonest (most overdue) first. */
  upcomingDeadlines: MeasureView[];
  ledger: LedgerRow[];
  charts: ChartSet;
}
