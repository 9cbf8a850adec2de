/**
 * The progress report (整改进展情况报告) of the build date, for the /report/ page: the same adapter
 * as `npm run report`, fed from the site's view model, so the page, the .docx and the ledger of
 * the same date say the same.
 */
import { reportFromContent } from '../domain/report/adapter.ts';
import type { ProgressReport } from '../domain/report/model.ts';
import { loadSite } from './site.ts';

let cached: Promise<ProgressReport> | undefined;

async function build(): Promise<ProgressReport> {
  const site = await loadSite();
  return reportFromContent(
    {
      settings: site.settings,
      plan: site.plan.data,
      areas: site.areas.map((a) => ({ id: a.id, data: { title: a.title } })),
      measures: site.measures.map((m) => m.entry),
      units: site.units.map((u) => u.entry),
      updates: site.records.map((r) => r.entry),
    },
    site.today,
  );
}

/** The report as of the build date (数据截至). */
export function loadReport(): Promise<ProgressReport> {
  cached ??= build();
  return cached;
}
