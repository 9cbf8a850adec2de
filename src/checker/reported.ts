/**
 * Rules on the plan's reported figures (plan.md `reported`) that one figure alone cannot show: two
 * figures for one date, a date still to come, fewer done than an earlier report said. The rules on
 * one figure (done ≤ total …) are the schema's, so the form editor and the build apply them too.
 */
import { formatDate, type CalendarDate } from '../domain/dates.ts';
import type { IssueList } from './issues.ts';
import type { LoadedContent } from './load.ts';

export function checkReported(content: LoadedContent, issues: IssueList, today: CalendarDate): void {
  for (const plan of content.plan) {
    const figures = plan.data.reported ?? [];
    const byDate = new Map<string, number>();
    figures.forEach((f, i) => {
      const line = plan.lineOf(['reported', i, 'date']);
      const other = byDate.get(f.date);
      if (other !== undefined) {
        issues.error(
          plan.file,
          line,
          `reported[${i}].date`,
          `与 reported[${other}] 同为 ${f.date}：同一天只能有一组自报数字，请删去一组或改正日期`,
        );
      } else byDate.set(f.date, i);
      if (f.date > today) issues.warning(plan.file, line, `reported[${i}].date`, `截至日期 ${f.date} 晚于今天（${today}），请核对`);
    });
    // Counted the same way, a later report with fewer done than an earlier one is usually a typo.
    const ordered = figures.map((f, i) => ({ f, i })).sort((a, b) => (a.f.date < b.f.date ? -1 : a.f.date > b.f.date ? 1 : 0));
    for (let k = 1; k < ordered.length; k += 1) {
      const before = ordered[k - 1]!;
      const after = ordered[k]!;
      if (after.f.done < before.f.done && (after.f.counted ?? '') === (before.f.counted ?? '')) {
        issues.warning(
          plan.file,
          plan.lineOf(['reported', after.i, 'done']),
          `reported[${after.i}].done`,
          `截至${formatDate(after.f.date)}已完成 ${after.f.done} 项，少于较早的截至${formatDate(before.f.date)}的 ${before.f.done} 项：请核对原文`,
        );
      }
    }
  }
}
