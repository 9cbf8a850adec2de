/**
 * /calendar.ics: the plan's recurring obligations and its dated milestones and deadlines, for
 * members to subscribe to on a phone. Written with ical-generator; every id and timestamp comes
 * from the content and the build date, so the same build gives the same file.
 */
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { firstFriday, type CalendarDate } from './dates.ts';

export interface DatedItem {
  id: string;
  title: string;
  date: CalendarDate;
  description: string;
}

const dateOf = (date: CalendarDate) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/** Builds the calendar text. `today` anchors the recurring events (their first occurrence). */
export function calendarIcs(input: { name: string; url: string; today: CalendarDate; items: readonly DatedItem[] }): string {
  const stamp = dateOf(input.today);
  const [year, month] = input.today.split('-').map(Number) as [number, number];
  const calendar = ical({
    name: input.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'yishu-liangqiang', product: 'progress-site', language: 'ZH' },
  });
  calendar.timezone('Asia/Shanghai');
  const monthStart = `${year}-${String(month).padStart(2, '0')}-01`;
  const quarterStart = `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const recurring = [
    {
      id: 'activity-day',
      summary: '党员活动日',
      start: firstFriday(year, month),
      repeating: { freq: ICalEventRepeatingFreq.MONTHLY, byDay: [ICalWeekday.FR], bySetPos: 1 },
      description: '每月第一周的星期五为“党员活动日”，统一主题，突出政治学习与教育。（整改措施 3-1）',
    },
    {
      id: 'committee-study',
      summary: '镇党委专题研究部署党建工作（本月）',
      start: monthStart,
      repeating: { freq: ICalEventRepeatingFreq.MONTHLY },
      description: '每个月专门研究部署一次党建工作。方案未规定具体日期，此为月初提醒。（整改措施 1-2）',
    },
    {
      id: 'party-lecture',
      summary: '班子成员给基层党员上党课（本季度）',
      start: quarterStart,
      repeating: { freq: ICalEventRepeatingFreq.MONTHLY, interval: 3 },
      description: '党政班子党员领导干部每季给基层党员上党课不少于1次。此为季初提醒。（整改措施 1-3）',
    },
    {
      id: 'year-end-report',
      summary: '党支部书记向党委述职（年底）',
      start: `${year}-12-01`,
      repeating: { freq: ICalEventRepeatingFreq.YEARLY },
      description: '年底组织开展党支部书记向党委述职活动，听取各党支部党建工作情况汇报。此为 12 月初提醒。（整改措施 1-2、1-3）',
    },
  ];
  for (const r of recurring) {
    calendar.createEvent({
      id: `${r.id}@yishu-liangqiang`,
      start: dateOf(r.start),
      allDay: true,
      summary: r.summary,
      description: r.description,
      repeating: r.repeating,
      stamp,
      url: input.url,
    });
  }
  for (const item of input.items) {
    calendar.createEvent({
      id: `${item.id}@yishu-liangqiang`,
      start: dateOf(item.date),
      allDay: true,
      summary: item.title,
      description: item.description,
      stamp,
      url: input.url,
    });
  }
  return calendar.toString();
}
