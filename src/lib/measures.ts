/**
 * Measures (整改措施) keep the plan's numbering as their id: area 2, measure 3 is `2-3`.
 */
import type { CalendarDate } from './dates.ts';
import { statusCategory, type StatusChange, type StatusLabel } from './status.ts';

/**
 * The area and position encoded in a measure id.
 * @example parseMeasureId('2-3') // { area: 2, number: 3 }
 */
export function parseMeasureId(id: string): { area: number; number: number } | undefined {
  const m = /^([1-9]\d*)-([1-9]\d*)$/.exec(id);
  return m ? { area: Number(m[1]), number: Number(m[2]) } : undefined;
}

/**
 * Orders measure ids as the plan does: 2-9 before 2-10, all of area 2 before area 3.
 * @example ['2-10', '10-1', '2-9'].sort(compareMeasureIds) // ['2-9', '2-10', '10-1']
 */
export function compareMeasureIds(a: string, b: string): number {
  const pa = parseMeasureId(a);
  const pb = parseMeasureId(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa.area - pb.area || pa.number - pb.number;
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
