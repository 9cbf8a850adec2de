/**
 * Charts in the built pages: the numbers in each chart's table equal numbers computed here
 * from the content and data files, independently of the site's own aggregation; the chart
 * script stays within its budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { decodeText, parseCsv } from '../../src/domain/csv.ts';
import { areaLabel } from '../../src/domain/measures.ts';
import { CSV_ALIASES } from '../../src/schemas/index.ts';
import { DIST, htmlPages, readPage, requireDist } from '../helpers/dist.ts';
import { listFiles, PROJECT_ROOT } from '../helpers/fixtures.ts';

beforeAll(requireDist);
const { content } = checkProject(PROJECT_ROOT);

/** A chart's table as { row label: [cells] }. */
function table(page: HTMLElement, id: string): Record<string, string[]> {
  const figure = page.querySelector(`#chart-${id}`);
  if (!figure) throw new Error(`no chart ${id}`);
  return Object.fromEntries(
    figure
      .querySelectorAll('tbody tr')
      .map((tr) => [tr.querySelector('th')!.text.trim(), tr.querySelectorAll('td').map((td) => td.text.trim())]),
  );
}

/** A period as the charts' tables write it: 2026-09 → 2026年9月, 2026-Q4 → 2026年第4季度, 2026 → 2026年. */
function periodLabel(period: string): string {
  const [, y, q, m] = /^(\d{4})(?:-Q(\d)|-(\d{2}))?$/.exec(period) ?? [];
  if (!y) throw new Error(`unexpected period ${period}`);
  return q ? `${y}年第${q}季度` : m ? `${y}年${Number(m)}月` : `${y}年`;
}

/** Each measure's status as its latest record says, computed without the site's code. */
function latestStatuses(): Map<string, string> {
  const latest = new Map<string, { date: string; id: string; status: string }>();
  for (const u of content.updates) {
    if (!u.data.status) continue;
    for (const m of u.data.measures ?? []) {
      const prev = latest.get(m);
      if (!prev || u.data.date > prev.date || (u.data.date === prev.date && u.id > prev.id))
        latest.set(m, { date: u.data.date, id: u.id, status: u.data.status });
    }
  }
  return new Map(content.measures.map((m) => [m.id, latest.get(m.id)?.status ?? '未启动']));
}

describe('chart tables match the content', () => {
  it('home: measures per status', () => {
    const statuses = [...latestStatuses().values()];
    const rows = table(readPage('/'), 'status');
    for (const status of ['未启动', '推进中', '已完成', '长期坚持'])
      expect(rows[status], status).toEqual([String(statuses.filter((s) => s === status).length)]);
  });

  it('home: status by area', () => {
    const statuses = latestStatuses();
    const rows = table(readPage('/'), 'areas');
    expect(Object.keys(rows)).toHaveLength(content.areas.length);
    for (const area of content.areas) {
      const label = areaLabel({ number: Number(area.id), label: area.data.label });
      const own = [...statuses].filter(([id]) => id.startsWith(`${area.id}-`)).map(([, s]) => s);
      expect(rows[label], label).toEqual(['未启动', '推进中', '已完成', '长期坚持'].map((s) => String(own.filter((x) => x === s).length)));
    }
  });

  it('home: the burn-down ends with the measures open today', () => {
    const open = [...latestStatuses().values()].filter((s) => s !== '已完成' && s !== '长期坚持').length;
    const rows = Object.values(table(readPage('/'), 'burn-down'));
    expect(rows.at(-1)).toEqual([String(open)]);
    expect(rows[0]).toEqual([String(content.measures.length)]);
  });

  it('statistics: every metric per unit and period equals the CSV files, with the target of metrics.csv', () => {
    const names = new Map(content.units.map((u) => [u.id, u.data.name]));
    const byName = new Map(content.units.map((u) => [u.data.name, u.id]));
    /** metric id → "period label|unit name" → value, read here from the files. */
    const expected = new Map<string, Map<string, string>>();
    for (const file of listFiles(join(PROJECT_ROOT, 'data/observations'))) {
      const { rows } = parseCsv(decodeText(readFileSync(join(PROJECT_ROOT, 'data/observations', file))).text, CSV_ALIASES);
      for (const r of rows) {
        const unit = names.get(r.cells['unit']!) ?? r.cells['unit']!;
        const metric = expected.get(r.cells['metric']!) ?? new Map<string, string>();
        expected.set(r.cells['metric']!, metric);
        metric.set(`${periodLabel(r.cells['period']!)}|${unit}`, r.cells['value']!);
      }
    }
    const stats = readPage('/stats/');
    let compared = 0;
    for (const [id, values] of expected) {
      const metric = content.metrics.find((m) => m.data.id === id)!;
      const hasTarget = metric.data.target !== undefined;
      const figure = stats.querySelector(`#chart-metric-${id}`);
      expect(figure, id).not.toBeNull();
      const header = figure!.querySelectorAll('thead th').map((th) => th.text.trim());
      const units = hasTarget ? header.slice(1, -1) : header.slice(1);
      if (hasTarget) expect(header.at(-1), id).toBe('目标');
      const rows = table(stats, `metric-${id}`);
      expect(Object.keys(rows).length, id).toBe(new Set([...values.keys()].map((k) => k.split('|')[0])).size);
      for (const [period, cells] of Object.entries(rows)) {
        units.forEach((unitName, i) => {
          expect(byName.has(unitName), `${id} ${unitName}`).toBe(true);
          expect(cells[i], `${id} ${period} ${unitName}`).toBe(values.get(`${period}|${unitName}`) ?? '—');
          compared += 1;
        });
        if (hasTarget) expect(cells.at(-1), `${id} ${period}`).toBe(String(metric.data.target));
      }
    }
    expect(compared).toBeGreaterThanOrEqual([...expected.values()].reduce((n, v) => n + v.size, 0));
  });

  it('every chart has a CSV with the same numbers as its table', () => {
    for (const path of htmlPages()) {
      for (const figure of readPage(path).querySelectorAll('figure.chart')) {
        const id = figure.getAttribute('id')!.replace(/^chart-/, '');
        const csv = readFileSync(join(DIST, 'charts', `${id}.csv`), 'utf8');
        const cells = figure
          .querySelectorAll('tbody td')
          .map((td) => td.text.trim())
          .filter((t) => t !== '—');
        for (const cell of cells) expect(csv, `${path} ${id}`).toContain(`,${cell},`);
      }
    }
  });
});

describe('chart pages', () => {
  it('carry one small element script that imports chart.js by dynamic import only, and every chart has a summary, a labelled canvas and a table', () => {
    const scripts = new Set<string>();
    for (const path of htmlPages()) {
      const page = readPage(path);
      if (page.querySelector('progress-chart') && !path.startsWith('/kiosk/'))
        for (const s of page.querySelectorAll('script[src]')) scripts.add(s.getAttribute('src')!);
      for (const figure of page.querySelectorAll('figure.chart')) {
        expect(figure.querySelector('.summary')?.text.length, path).toBeGreaterThan(10);
        expect(figure.querySelector('canvas')?.getAttribute('role')).toBe('img');
        expect(figure.querySelector('canvas')?.getAttribute('aria-label')?.length).toBeGreaterThan(10);
        expect(figure.querySelector('table')).not.toBeNull();
        // The table's first column says what its rows are, never the catch-all 类别.
        expect(figure.querySelector('thead th')?.text.trim(), path).not.toBe('类别');
      }
    }
    expect(scripts.size).toBe(1);
    const [src] = scripts;
    const element = readFileSync(join(DIST, src!), 'utf8');
    // The element's definition is small; chart.js sits in a chunk it imports only when a chart nears the screen.
    expect(gzipSync(element).length).toBeLessThan(2 * 1024);
    const chunks = [...element.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
    expect(chunks).toHaveLength(1);
    expect(element).not.toMatch(/^import\s[^(]*from\s*["'][^"']*chart-draw/m);
    const library = readFileSync(join(DIST, '_astro', chunks[0]!.split('/').at(-1)!));
    expect(gzipSync(library).length).toBeLessThan(60 * 1024);
  });
});
