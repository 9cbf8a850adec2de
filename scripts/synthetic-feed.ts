/**
 * Synthetic member sites for the portal's tests and bench: the open-data feed of a town with 50–200
 * items under 3–6 方面 (some with items below), statuses, deadlines and one year of progress
 * records, the same for the same number every time. Each town's items carry a phrase no other
 * town has (its 特色 words), so a search test can ask for one town's page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { daysBetween, type CalendarDate } from '../src/domain/dates.ts';
import { summarise, type MeasureStatus } from '../src/domain/status.ts';
import { feedSummary } from '../src/data/feed.ts';
import { FEED_FORMAT, FEED_PATH, FEED_VERSION, feedSchema, type Feed, type FeedSummary } from '../src/schemas/feed.ts';

/** A small deterministic generator (mulberry32), so town n is the same town in every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['组织生活', '党员教育', '阵地建设', '干部培训', '党费管理', '发展党员', '村务公开', '作风建设', '联系群众', '主题党日'];
const ACTIONS = ['健全', '规范', '加强', '落实', '完善', '开展'];
const CROPS = ['茶叶', '柑橘', '竹编', '莲藕', '香菇', '蜂蜜', '甘蔗', '板栗', '花椒', '油茶', '桑蚕', '稻虾'];
const PLACES = ['东', '西', '南', '北', '上', '下', '前', '后', '新', '老'];

/** A town's name and its own phrase, both unique up to 12 × 10 × 1,000 towns. */
export function syntheticTown(n: number): { name: string; phrase: string } {
  return { name: `样例${n}镇`, phrase: `${PLACES[n % 10]}岭${CROPS[Math.floor(n / 10) % 12]}合作社${n}号基地` };
}

const shift = (date: CalendarDate, days: number): CalendarDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function syntheticFeed(n: number, today: CalendarDate): Feed {
  const rand = random(n * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const town = syntheticTown(n);
  const issued = shift(today, -365);
  const target = 50 + Math.floor(rand() * 151);
  const areaCount = 3 + Math.floor(rand() * 4);
  const items: Feed['items'] = [];
  const statusOf: MeasureStatus[] = ['未启动', '推进中', '推进中', '已完成', '已完成', '长期坚持'];
  let leaves = 0;
  for (let a = 1; a <= areaCount; a++) {
    const share = a === areaCount ? target - leaves : Math.floor(target / areaCount);
    let made = 0;
    for (let k = 1; made < share; k++) {
      const children = rand() < 0.2 && share - made >= 3 ? 2 + Math.floor(rand() * 2) : 0;
      const id = `${a}-${k}`;
      const make = (itemId: string, label: string, parent: string | null, leaf: boolean): Feed['items'][number] => {
        const status = leaf ? pick(statusOf) : '推进中';
        const deadline = shift(issued, 30 + Math.floor(rand() * 500));
        const closed = status === '已完成' || status === '长期坚持';
        return {
          id: itemId,
          label,
          name: `整改措施 ${itemId}`,
          // The town's first item names its own phrase, as a real plan's items name local things.
          title:
            itemId === '1-1' ? `推进${town.phrase}党建示范` : `${pick(ACTIONS)}${pick(TOPICS)}${pick(['工作', '制度', '机制', '台账'])}`,
          area: String(a),
          parent,
          leaf,
          status,
          overdue: !closed && daysBetween(deadline, today) > 0,
          deadline,
          owners: [`unit-${1 + Math.floor(rand() * 8)}`],
          updated: shift(today, -Math.floor(rand() * 300)),
          text: `围绕${town.phrase}，${pick(ACTIONS)}${pick(TOPICS)}，每季度检查一次。`,
          path: `/measures/${itemId}/`,
        };
      };
      items.push(make(id, String(k), null, children === 0));
      for (let c = 1; c <= children; c++) items.push(make(`${id}-${c}`, String(c), id, true));
      made += Math.max(children, 1);
    }
    leaves += made;
  }
  // Counted as the sites count: the leaves, through the same summary the feed is written from.
  const summaryOf = (list: Feed['items']): FeedSummary => feedSummary(summarise(list.filter((i) => i.leaf)));
  const records: Feed['records'] = Array.from({ length: 24 + Math.floor(rand() * 100) }, (_, r) => {
    const item = pick(items);
    return {
      id: `r${r}`,
      date: shift(today, -Math.floor(rand() * 365)),
      title: `${town.name}${item.title}进展`,
      items: [item.id],
      units: item.owners,
      path: `/updates/r${r}/`,
    };
  }).sort((x, y) => (x.date < y.date ? 1 : -1));
  const feed: Feed = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    generated: today,
    build: `synthetic-${n}`,
    site: { name: `${town.name}整改进展`, url: null },
    plan: { title: `${town.name}巡察反馈问题整改方案`, issued, levels: ['方面', '整改措施'], leafNoun: '整改措施', path: '/plan/' },
    summary: summaryOf(items),
    reported: [],
    areas: Array.from({ length: areaCount }, (_, i) => ({
      id: String(i + 1),
      label: String(i + 1),
      name: `第 ${i + 1} 方面`,
      title: `${pick(TOPICS)}方面的问题`,
      summary: summaryOf(items.filter((it) => it.area === String(i + 1))),
      path: `/areas/${i + 1}/`,
    })),
    units: Array.from({ length: 8 }, (_, u) => ({
      id: `unit-${u + 1}`,
      name: `第${u + 1}党支部`,
      kind: '党支部',
      summary: summaryOf(items.filter((it) => it.owners.includes(`unit-${u + 1}`))),
      path: `/units/unit-${u + 1}/`,
    })),
    items,
    records,
    obligations: [],
  };
  return feedSchema.parse(feed);
}

/** Writes N synthetic member sites (dist folders holding only their feed) under `dir`; returns their folders. */
export function writeSyntheticMembers(dir: string, count: number, today: CalendarDate): { name: string; dist: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const dist = join(dir, `town-${n}`);
    mkdirSync(join(dist, 'data'), { recursive: true });
    writeFileSync(join(dist, FEED_PATH), JSON.stringify(syntheticFeed(n, today)));
    return { name: syntheticTown(n).name, dist };
  });
}
