/**
 * 旧方案遗留文件: files a previous plan left in the project when a new plan was imported. The
 * importer replaces the plan's own folders (plan, duties, areas, measures, requirements), but units,
 * progress records, posts and notices are the office's and stay. Whatever of them still names a
 * measure that is gone is already an error (找不到条目); these warnings catch the rest, which would
 * otherwise be published silently under the new plan's name:
 *
 * - a unit that owns nothing and that no remaining record, post, data table or plan field names;
 * - a record or post about no measure (about the plan as a whole) dated before the plan's `issued`;
 * - a notice about no measure whose display ended before the plan's `issued`.
 *
 * Without `issued` the date rules stay silent: on a normal site nothing predates its own plan, and a
 * unit nobody names has no page worth publishing. Warnings, not errors: the office decides.
 */
import { formatDate } from '../domain/dates.ts';
import { makeResolver } from '../domain/resolve.ts';
import type { IssueList } from './issues.ts';
import type { LoadedContent, LoadedEntry } from './load.ts';

/** Frontmatter keys whose values are unit ids, wherever they sit in an entry. */
const UNIT_KEYS = new Set(['owners', 'units', 'office']);

/** Every string under a unit key of `data`, at any depth (the plan's items may nest). */
function unitIdsIn(data: unknown, out: Set<string>, underUnitKey = false): void {
  if (typeof data === 'string') {
    if (underUnitKey) out.add(data);
  } else if (Array.isArray(data)) {
    for (const item of data) unitIdsIn(item, out, underUnitKey);
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) unitIdsIn(value, out, UNIT_KEYS.has(key));
  }
}

const WHAT_TO_DO = '如不再需要，请删除这个文件；如属于本方案，';

export function checkLeftovers(content: LoadedContent, issues: IssueList): void {
  const plan = content.plan[0];
  if (!plan) return;
  const issued = plan.data.issued;
  const leftover = new Set<LoadedEntry<unknown>>();
  const planName = `《${plan.data.title}》`;

  if (issued) {
    const aboutNoMeasure = (measures: readonly string[] | undefined) => !measures || measures.length === 0;
    // Records and posts: dated before the plan and about none of its measures.
    const dated = [
      { entries: content.updates, what: '这条记录', fix: '请在 measures 中写明措施编号或改正日期' },
      { entries: content.posts, what: '这篇文章', fix: '请在 measures 中写明相关措施编号' },
    ];
    for (const { entries, what, fix } of dated) {
      for (const e of entries as LoadedEntry<{ date: string; measures?: string[] | undefined }>[]) {
        if (!aboutNoMeasure(e.data.measures) || e.data.date >= issued) continue;
        leftover.add(e);
        issues.warning(
          e.file,
          e.lineOf(['date']),
          'date',
          `${what}（${formatDate(e.data.date)}）早于方案${planName}的印发日期 ${formatDate(issued)}，又不涉及本方案的任何措施：可能是上一个方案留下的。${WHAT_TO_DO}${fix}`,
        );
      }
    }
    for (const n of content.notices) {
      const ended = n.data.end.slice(0, 10);
      if (!aboutNoMeasure(n.data.measures) || ended >= issued) continue;
      leftover.add(n);
      issues.warning(
        n.file,
        n.lineOf(['end']),
        'end',
        `这条通知在 ${formatDate(ended)} 已结束展示，早于方案${planName}的印发日期 ${formatDate(issued)}：可能是上一个方案留下的，请删除这个文件`,
      );
    }
  }

  // A unit is in use when anything still standing names it; leftovers found above do not count.
  const named = new Set<string>();
  for (const [name, entries] of Object.entries(content)) {
    if (name === 'ids' || name === 'units' || name === 'metrics' || name === 'observations') continue;
    for (const entry of entries as LoadedEntry<unknown>[]) {
      if (leftover.has(entry)) continue;
      unitIdsIn(entry.data, named);
      for (const r of entry.references ?? []) if (r.collection === 'units') named.add(r.id);
    }
  }
  const unitId = makeResolver(content.units.map((u) => ({ id: u.id, name: u.data.name })));
  for (const row of content.observations) {
    const id = unitId(row.data.unit);
    if (id) named.add(id);
  }
  for (const u of content.units) {
    if (named.has(u.id)) continue;
    issues.warning(
      u.file,
      1,
      '文件',
      `单位“${u.data.name}”不负责本方案的任何整改事项，也没有被任何进展记录、文章、数据表或方案字段提到：可能是上一个方案留下的。${WHAT_TO_DO}请在相应条目的 owners（或记录的 units）中写上 ${u.id}`,
    );
  }
}
