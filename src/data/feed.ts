/**
 * The open-data feed (/data/plan.json) from the view model: the same counts, statuses and deadlines
 * the pages show, as of the build. The result is checked against its own schema before it is
 * written, so a site never publishes a feed its readers would refuse.
 */
import { FEED_FORMAT, FEED_VERSION, feedSchema, type Feed, type FeedSummary } from '../schemas/feed.ts';
import { plainText } from '../domain/format.ts';
import { paths } from '../domain/urls.ts';
import type { ProgressSummary } from '../domain/status.ts';
import type { SiteModel } from './site.ts';

/** The view model's counts as the feed writes them (also used by the portal's synthetic members). */
export function feedSummary(s: ProgressSummary): FeedSummary {
  return { total: s.total, ...s.byStatus, overdue: s.overdue, percentClosed: s.percentClosed };
}

/** Leaves out undefined values, so the JSON has no `"key": undefined` holes and optional means absent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function buildFeed(site: SiteModel, build: string, url: string | null): Feed {
  const plan = site.plan.data;
  const feed: Feed = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    generated: site.today,
    build,
    site: { name: site.settings.siteName, url },
    plan: defined({ title: plan.title, issued: plan.issued, levels: [...site.levels], leafNoun: site.leafNoun, path: paths.plan }),
    summary: feedSummary(site.summary),
    reported: [...(plan.reported ?? [])].sort((a, b) => (a.date < b.date ? 1 : -1)).map((r) => defined({ ...r })),
    areas: site.areas.map((a) => ({ id: a.id, label: a.label, name: a.name, title: a.title, summary: feedSummary(a.summary), path: paths.area(a.id) })),
    units: site.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, summary: feedSummary(u.summary), path: paths.unit(u.id) })),
    items: site.measures.map((m) =>
      defined({
        id: m.id,
        label: m.label,
        name: m.name,
        title: m.title,
        area: String(m.area),
        parent: m.parent?.id ?? null,
        leaf: m.leaf,
        status: m.state.status,
        // The word of the change that set the current status (基本完成), as the page's badge shows it.
        statusLabel: m.state.history.at(-1)?.label,
        overdue: m.state.overdue,
        deadline: m.deadline,
        deadlineText: m.deadlineWording,
        owners: m.owners.map((o) => o.id),
        updated: m.updated,
        text: plainText(m.entry.body ?? ''),
        path: paths.measure(m.id),
      }),
    ),
    records: site.records.map((r) =>
      defined({
        id: r.id,
        date: r.date,
        title: r.title,
        status: r.status,
        statusLabel: r.statusLabel,
        items: r.measures.map((m) => m.id),
        units: r.units.map((u) => u.id),
        path: paths.record(r.id),
      }),
    ),
    obligations: site.obligations.map((o) =>
      defined({ id: o.id, title: o.title, when: o.when, next: o.next, items: o.measures.map((m) => m.id) }),
    ),
  };
  // A feed that fails its own schema is a bug in this module, not an editor's mistake: stop the build.
  return feedSchema.parse(feed);
}
