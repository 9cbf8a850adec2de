import type { APIContext } from 'astro';
import { loadSite } from '../data/site.ts';
import { calendarIcs } from '../domain/calendar.ts';
import { paths } from '../domain/urls.ts';

/** The plan's recurring obligations, milestones and deadlines as an iCalendar feed. */
export async function GET(context: APIContext) {
  const site = await loadSite();
  const milestones = site.plan.data.milestones.flatMap((m) =>
    m.date === '待定' ? [] : [{ id: `milestone-${m.id}`, title: m.title, date: m.date, description: '整改方案规定的时间节点' }],
  );
  const deadlines = site.upcomingDeadlines.map((m) => ({
    id: `deadline-${m.id}`,
    title: `整改时限：${m.label} ${m.title}`,
    date: m.deadline as string,
    description: `${m.name} 的整改时限${m.deadlineWording ? `（原文：${m.deadlineWording}）` : ''}。${new URL(paths.measure(m.id), context.site).href}`,
  }));
  const body = calendarIcs({
    name: site.settings.siteName,
    url: new URL('/', context.site).href,
    today: site.today,
    recurring: site.obligations.map((o) => ({
      id: o.id,
      title: o.title,
      rule: o.rule,
      description: [
        o.when + '。' + o.description,
        o.audience ? `参加对象：${o.audience}。` : '',
        o.measures.length ? `（${o.measures.map((m) => site.measureById.get(m.id)?.name ?? m.id).join('、')}）` : '',
      ].join(''),
    })),
    items: [...milestones, ...deadlines],
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
