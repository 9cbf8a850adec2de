/**
 * The county portal's logic without a build: reading portal.yaml (mistakes as Chinese lines with
 * their line), reading members' feeds (each way a feed can be unusable is shown, never dropped),
 * and the roll-up (counts are the members' own, added up).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticFeed, syntheticTown, writeSyntheticMembers } from '../../scripts/synthetic-feed.ts';
import { parsePortalConfig } from '../../src/portal/config.ts';
import { loadMember, loadMembers, STATE_LABELS } from '../../src/portal/members.ts';
import { addSummaries, buildPortal, CATEGORIES, categoryChart, categoryRanking, itemUrl, portalCharts } from '../../src/portal/rollup.ts';
import { FEED_PATH, feedSchema } from '../../src/schemas/feed.ts';

const TODAY = '2026-11-27';
const dir = mkdtempSync(join(tmpdir(), 'portal-logic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('portal.yaml', () => {
  it('reads members, gives ids from addresses and resolves dist folders beside the file', () => {
    const yaml = 'title: X县汇总\nmembers:\n  - name: A镇\n    url: https://a.example.gov.cn\n  - name: B镇\n    dist: ../b/dist\n';
    const { config, errors } = parsePortalConfig(yaml, '/srv/portal/portal.yaml');
    expect(errors).toEqual([]);
    expect(config!.members).toEqual([
      { id: 'a', name: 'A镇', url: 'https://a.example.gov.cn/' },
      { id: 'm2', name: 'B镇', dist: '/srv/b/dist' },
    ]);
    expect(config!.staleAfterDays).toBe(3);
  });

  it('names the line and the field of each mistake, in Chinese', () => {
    const yaml = 'title: X县汇总\nmembers:\n  - name: A镇\n  - name: B镇\n    url: ftp://b.example.gov.cn/\n';
    const { config, errors } = parsePortalConfig(yaml, 'portal.yaml');
    expect(config).toBeUndefined();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^portal\.yaml:3 {2}members\.0 {2}请写 url（站点网址）或 dist/);
    expect(errors[1]).toMatch(/^portal\.yaml:5 {2}members\.1\.url {2}网址应以 http:\/\/ 或 https:\/\/ 开头/);
  });

  it('refuses two members with the same id, and YAML that is not YAML', () => {
    const same = parsePortalConfig(
      'title: X\nmembers:\n  - name: A\n    id: a\n    dist: a\n  - name: B\n    id: a\n    dist: b\n',
      'p.yaml',
    );
    expect(same.errors).toEqual([expect.stringMatching(/^p\.yaml:6 {2}members\.1\.id {2}编号 a 与第 1 个成员重复/)]);
    const broken = parsePortalConfig('title: X\nmembers: [\n', 'p.yaml');
    expect(broken.config).toBeUndefined();
    expect(broken.errors[0]).toMatch(/^p\.yaml:\d+ {2}\S/);
  });
});

describe('reading a member', () => {
  const options = { today: TODAY, staleAfterDays: 3 };
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name, 'data'), { recursive: true });
    writeFileSync(join(dir, name, FEED_PATH), text);
    return { id: name, name, dist: join(dir, name) };
  };

  it('uses a valid, current feed and links to the address it gives', async () => {
    const feed = { ...syntheticFeed(1, TODAY), site: { name: 'x', url: 'https://one.example.gov.cn/' } };
    const member = await loadMember(write('ok', JSON.stringify(feed)), options);
    expect(member.state).toBe('ok');
    expect(member.base).toBe('https://one.example.gov.cn/');
    expect(member.lastRecord).toBe(feed.records[0]!.date);
  });

  it('marks data older than the limit as stale and still shows it', async () => {
    const member = await loadMember(write('old', JSON.stringify(syntheticFeed(2, '2026-11-20'))), options);
    expect(member.state).toBe('stale');
    expect(member.problem).toContain('已 7 天未更新');
    expect(member.feed).toBeDefined();
  });

  it.each([
    ['missing', undefined, '文件不存在'],
    ['invalid', '{"format": "rectification-plan-feed", "version": 1', '不是有效的 JSON'],
    ['invalid', '{"hello": "world"}', 'format 应为 rectification-plan-feed'],
    ['version', JSON.stringify({ ...syntheticFeed(3, TODAY), version: 2 }), '数据版本为 2，本汇总站读取版本 1'],
    ['invalid', JSON.stringify({ ...syntheticFeed(4, TODAY), summary: { total: -1 } }), 'summary'],
  ])('shows a member whose feed is %s, saying why: %s', async (state, text, why) => {
    const name = `case-${Math.random().toString(36).slice(2)}`;
    const member = text === undefined ? { id: name, name, dist: join(dir, name) } : write(name, text);
    const view = await loadMember(member, options);
    expect(view.state).toBe(state);
    expect(view.problem).toContain(why);
    expect(view.feed).toBeUndefined();
    expect(STATE_LABELS[view.state]).toMatch(/\p{Script=Han}/u);
  });

  it('reads members over HTTP too, and a failed request is a missing feed, not a crash', async () => {
    const feed = syntheticFeed(5, TODAY);
    const asked: string[] = [];
    const fetchText = async (url: string) => {
      asked.push(url);
      if (url.startsWith('https://down.')) throw new Error('HTTP 503');
      return JSON.stringify(feed);
    };
    const [up, down] = await loadMembers(
      [
        { id: 'up', name: '上镇', url: 'https://up.example.gov.cn/site/' },
        { id: 'down', name: '下镇', url: 'https://down.example.gov.cn/' },
      ],
      { ...options, fetchText },
    );
    expect(asked).toEqual(['https://up.example.gov.cn/site/data/plan.json', 'https://down.example.gov.cn/data/plan.json']);
    expect(up!.state).toBe('ok');
    expect(up!.base).toBe('https://up.example.gov.cn/site/');
    expect(down!.state).toBe('missing');
    expect(down!.problem).toContain('HTTP 503');
  });
});

describe('the roll-up', () => {
  const members = writeSyntheticMembers(join(dir, 'towns'), 4, TODAY).map((m, i) => ({ ...m, id: `t${i + 1}` }));

  it('adds up the members’ own counts and lists every member that needs attention', async () => {
    const views = await loadMembers([...members, { id: 'gone', name: '缺镇', dist: join(dir, 'nowhere') }], {
      today: TODAY,
      staleAfterDays: 3,
    });
    const model = buildPortal(views, TODAY);
    const feeds = members.map((_, i) => syntheticFeed(i + 1, TODAY));
    expect(model.usable).toHaveLength(4);
    expect(model.attention.map((m) => m.id)).toEqual(['gone']);
    expect(model.totals.total).toBe(feeds.reduce((n, f) => n + f.summary.total, 0));
    expect(model.totals.overdue).toBe(feeds.reduce((n, f) => n + f.summary.overdue, 0));
    expect(model.overdue).toHaveLength(model.totals.overdue);
    expect(model.overdue.every((o) => o.item.leaf && o.item.overdue)).toBe(true);
    // The distribution chart counts every usable town once.
    expect(model.distribution.series[0]!.values.reduce((a, b) => a! + b!, 0)).toBe(4);
  });

  it('ranks towns per category, most first, and charts ids are unique (they name the CSV files)', async () => {
    const model = buildPortal(await loadMembers(members, { today: TODAY, staleAfterDays: 3 }), TODAY);
    for (const category of CATEGORIES) {
      const counts = categoryRanking(model, category).map((r) => r.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(category.count(model.totals));
      expect(categoryChart(model, category, 2).labels.length).toBeLessThanOrEqual(2);
    }
    const ids = portalCharts(model).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('adds percentages from counts, not by averaging percentages', () => {
    const one = { total: 1, 未启动: 0, 推进中: 0, 已完成: 1, 长期坚持: 0, overdue: 0, percentClosed: 100 };
    const nine = { total: 9, 未启动: 9, 推进中: 0, 已完成: 0, 长期坚持: 0, overdue: 0, percentClosed: 0 };
    expect(addSummaries([one, nine]).percentClosed).toBe(10);
    expect(addSummaries([]).percentClosed).toBe(0);
  });

  it('links an item to the town’s own page when its address is known, else to its row on the portal', () => {
    const item = { id: '2-3', area: '2', path: '/measures/2-3/' };
    expect(itemUrl({ id: 'a', base: 'https://a.example.gov.cn/x/' }, item)).toBe('https://a.example.gov.cn/x/measures/2-3/');
    expect(itemUrl({ id: 'a' }, item)).toBe('/towns/a/areas/2/#item-2-3');
  });
});

describe('synthetic member sites', () => {
  it('are valid feeds of 50–200 counted items, the same every time, each with a phrase of its own', () => {
    const feed = syntheticFeed(7, TODAY);
    expect(feedSchema.safeParse(feed).success).toBe(true);
    expect(feed.summary.total).toBeGreaterThanOrEqual(50);
    expect(feed.summary.total).toBeLessThanOrEqual(200);
    expect(syntheticFeed(7, TODAY)).toEqual(feed);
    const phrases = new Set(Array.from({ length: 1000 }, (_, i) => syntheticTown(i + 1).phrase));
    expect(phrases.size).toBe(1000);
  });
});
