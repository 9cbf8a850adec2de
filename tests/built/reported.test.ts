/**
 * The plan's reported figures (自报) beside the site's own counts, built from the display-screen
 * fixture: its plan reports 30 tasks in two 通报 (and a third dated after the build), while the
 * fixture holds fewer measures. Every page keeps its computed counts and says why the two differ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedKioskFixture, type FixtureBuild } from '../helpers/kiosk-fixture.ts';

let build: FixtureBuild;
/** How many measures the fixture holds, counted from the built measure pages. */
let measures: number;
beforeAll(() => {
  build = sharedKioskFixture();
  measures = readdirSync(join(build.dist, 'measures'), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
}, 240_000);
afterAll(() => build?.remove());

const read = (path: string) => readFileSync(join(build.dist, path), 'utf8');
const page = (path: string) => parse(read(path));
const text = (s: string) => s.replace(/\s+/g, '');

describe('reported figures beside the computed counts (fixture built on 2026-11-26)', () => {
  it('the home page keeps its own count and adds the newest report known, with the difference explained', () => {
    const overall = page('index.html').querySelector('.overall')!;
    expect(text(overall.querySelector('.status-line')!.text)).toContain(`${measures}项整改措施`);
    const reported = overall.querySelector('[data-reported]')!;
    expect(reported.getAttribute('data-reported')).toBe('2026-10-31');
    expect(text(reported.text)).toBe('原文自报：截至2026年10月31日已完成24/30项（整改任务），口径不同。');
    // The link leads to the whole explanation on /stats/.
    expect(reported.querySelector('a')!.getAttribute('href')).toBe('/stats/#reported');
    expect(page('stats/index.html').querySelector('#reported')!.text).toContain(
      `原文按整改任务计30项，本站按已录入的${measures}项整改措施计，两者口径不同`,
    );
    expect(read('index.html')).not.toContain('2026年12月31日，整改任务');
  });

  it('/stats/ shows the newest report with its source, and lists the older ones', () => {
    const stats = page('stats/index.html');
    expect(text(stats.querySelector('main')!.text)).toContain(`本站按已录入的${measures}项整改措施统计`);
    const reported = stats.querySelector('[data-reported]')!;
    expect(text(reported.text)).toContain('截至2026年10月31日，共有整改任务30项，已完成24项，正在整改6项，完成率80%');
    expect(reported.text).toContain('出处：关于X镇整改进展情况的第二次通报');
    expect(reported.querySelectorAll('[data-reported-older]').map((li) => li.getAttribute('data-reported-older'))).toEqual(['2026-06-30']);
    expect(reported.text).not.toContain('2026年12月31日');
  });

  it('the report page sets the figure after the ledger totals', () => {
    const report = text(page('report/index.html').querySelector('main')!.text);
    expect(report).toContain('方案自报：截至2026年10月31日，共有整改任务30项，已完成24项');
    expect(report).toContain(`台账按已录入的${measures}项整改措施计`);
  });

  it("the screens' overall slide says it in one line, under the site's numbers", () => {
    const slide = page('kiosk/tv/index.html').querySelector('[data-slide="overall"]')!;
    expect(slide.querySelector('.numbers')!.text).toContain(String(measures));
    expect(text(slide.querySelector('.reported')!.text)).toBe(
      `原文自报：截至2026年10月31日，整改任务已完成24/30项（80%），正在整改6项（本站按已录入的${measures}项整改措施计，口径不同）`,
    );
  });
});
