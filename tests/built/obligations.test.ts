/**
 * Recurring obligations and the campaign are content: built from the display-screen fixture,
 * whose obligations (second Thursday, a quarter's second month, June) and campaign (area 2)
 * differ from the shipped plan's, the calendar feed, the home page, the screens and the boards
 * follow the settings and say nothing of another plan's rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/checker/index.ts';
import { sharedKioskFixture, type FixtureBuild } from '../helpers/kiosk-fixture.ts';

let build: FixtureBuild;
beforeAll(() => {
  build = sharedKioskFixture();
}, 240_000);
afterAll(() => build?.remove());

const read = (path: string) => readFileSync(join(build.dist, path), 'utf8');
const page = (path: string) => parse(read(path));

function expand(summary: string, n: number): string[] {
  const component = new ICAL.Component(ICAL.parse(read('calendar.ics')));
  const vevent = component.getAllSubcomponents('vevent').find((v) => new ICAL.Event(v).summary === summary);
  expect(vevent, summary).toBeDefined();
  const iterator = new ICAL.Event(vevent!).iterator();
  const dates: string[] = [];
  for (let next = iterator.next(); next && dates.length < n; next = iterator.next()) dates.push(next.toString().slice(0, 10));
  return dates;
}

describe('obligations from the settings (fixture built on 2026-11-26)', () => {
  it('the calendar repeats each on the days its rule gives, checked against a printed calendar', () => {
    expect(expand('主题党日', 3)).toEqual(['2026-11-12', '2026-12-10', '2027-01-14']);
    expect(expand('书记讲党课', 3)).toEqual(['2026-11-10', '2027-02-10', '2027-05-10']);
    expect(expand('年中述职', 2)).toEqual(['2026-06-01', '2027-06-01']);
    const ics = read('calendar.ics');
    expect(ics).not.toContain('党员活动日');
    expect(ics).toContain('参加对象：全体党员');
  });

  it('the calendar lists the upcoming dated deadlines, each on its measure’s date', () => {
    const { content } = checkProject(build.root);
    const deadlines = new ICAL.Component(ICAL.parse(read('calendar.ics')))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .filter((e) => e.summary.startsWith('整改时限：'));
    expect(deadlines.length).toBeGreaterThan(0);
    for (const e of deadlines) {
      const id = /^deadline-(\d+(?:-\d+)+)@/.exec(e.uid)?.[1];
      const measure = content.measures.find((m) => m.id === id);
      expect(measure, e.uid).toBeDefined();
      // Built on 2026-11-26: only deadlines still ahead are in the feed.
      expect(e.startDate.toString().slice(0, 10), e.uid).toBe(measure!.data.deadline);
      expect(String(measure!.data.deadline) >= '2026-11-26', e.uid).toBe(true);
    }
  });

  it("the home page announces the next dated one in the plan's wording, and lists the others", () => {
    const items = page('index.html')
      .querySelectorAll('[data-obligation]')
      .map((li) => li.text.replace(/\s+/g, ''));
    expect(items).toEqual([
      '下一个主题党日（每月第二周的星期四）：2026年12月10日（星期四），参加对象：全体党员',
      '下一个书记讲党课（每季度第2个月10日）：2027年2月10日（星期三）',
      '年中述职：每年6月，参加对象：各党支部书记',
    ]);
    expect(read('index.html')).not.toMatch(/党员活动日|第一周的星期五/);
  });

  it('the screens carry the rule for their own clock, and show the configured campaign', () => {
    const kiosk = page('kiosk/tv/index.html');
    const next = kiosk.querySelector('[data-next-occurrence]')!;
    expect(JSON.parse(next.getAttribute('data-next-occurrence')!)).toEqual({ every: 'month', weekday: 4, nth: 2 });
    expect(next.text).toBe('2026年12月10日');
    const slide = kiosk.querySelector('[data-slide="requirements"]')!;
    expect(slide.querySelector('h2')!.text).toContain('测试专项行动');
    const area2 = page('areas/2/index.html')
      .querySelectorAll('a[href^="/measures/2-"]')
      .map((a) => a.text.trim());
    const points = slide
      .querySelectorAll('ul.points')[0]!
      .querySelectorAll('li')
      .map((li) => li.text.trim());
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(area2.some((t) => t.includes(p))).toBe(true);
  });

  it('page descriptions come from the settings or say nothing of another plan', () => {
    const description = (path: string) => page(path).querySelector('meta[name="description"]')!.getAttribute('content')!;
    expect(description('posts/index.html')).toBe('测试站点的宣传专栏。');
    for (const path of ['units/index.html', 'stats/index.html', 'areas/index.html', 'areas/1/index.html'])
      expect(description(path)).not.toMatch(/一树两强|党建办|巡察反馈|党员活动日/);
  });
});

describe('a plan without the optional fields (fixture: 文号, no basis, campaign or leadership)', () => {
  it('shows its own 文号, numbers only the parts it lists, and shows no empty heading or role', () => {
    const plan = page('plan/index.html');
    const headings = plan.querySelectorAll('main h2').map((h) => h.text.trim());
    expect(headings).toEqual(expect.arrayContaining(['一、问题清单', '二、工作要求', '整改责任']));
    expect(headings).not.toContain('整改工作领导小组');
    expect(plan.querySelector('.basis')!.text.replace(/\s+/g, '')).toBe('中共X镇委员会·X党发〔2026〕9号');
    expect(plan.text).not.toMatch(/副组长|依据|三、/);
  });
});

describe('unit kinds from the settings (fixture: a 党总支)', () => {
  it('gives every kind marked board a bulletin board, and no other', () => {
    expect(page('units/y-shequ/index.html').querySelector('.kicker')!.text).toBe('党总支');
    expect(page('units/y-shequ/index.html').querySelector('a[href="/boards/y-shequ/"]')).not.toBeNull();
    expect(read('boards/y-shequ/index.html')).toContain('X社区党总支');
    expect(page('units/djb/index.html').querySelector('a[href^="/boards/"]')).toBeNull();
  });
});

describe('a progress record about the plan as a whole (fixture: 印发整改方案, no measures)', () => {
  it('has its page, says it concerns the whole plan, and is listed with the records', () => {
    const record = page('updates/2026-09-01-plan/index.html');
    expect(record.querySelector('h1')!.text).toBe('印发整改方案');
    expect(record.querySelector('.facts')!.text).toContain('整个方案（不针对某项措施）');
    expect(read('updates/index.html')).toContain('/updates/2026-09-01-plan/');
  });
});

describe('the site’s status vocabulary (fixture: 正在整改 counts as 推进中)', () => {
  it('shows the record’s own word with its category, and counts the category', () => {
    const record = page('updates/2026-11-20-3-1/index.html');
    expect(record.querySelector('.facts')!.text).toContain('正在整改（计为推进中）');
    const measure = page('measures/3-1/index.html');
    expect(measure.querySelector('.history')!.text).toContain('正在整改（计为推进中）');
    expect(measure.querySelector('.facts .badge')!.text).toContain('推进中');
  });
});
