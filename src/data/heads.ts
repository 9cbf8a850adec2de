/**
 * What the page frame (layouts/Base.astro) shows and indexes for each kind of entry page, as
 * data: title, description, breadcrumbs, Open Graph type and search entry, computed from the view
 * model. A route file is then its paths and its body; the words a page is found and shared by
 * live in one place, beside the model they come from.
 */
import { formatDate } from '../domain/dates.ts';
import type { SearchEntry } from '../domain/search.ts';
import { paths } from '../domain/urls.ts';
import type { AreaView, NoticeView, PostView, RecordView, SiteModel, UnitView } from './views.ts';

/** The page frame's props (Base.astro takes exactly these). */
export interface PageHead {
  title: string;
  description: string;
  breadcrumbs?: readonly { href?: string; label: string }[];
  ogType?: 'website' | 'article';
  search?: SearchEntry;
}

export function areaHead(area: AreaView): PageHead {
  return {
    title: `${area.name}${area.title}`,
    description: `${area.name}：${area.title}。${area.measures.length} 项${area.itemNoun}，已销号 ${area.summary.closed} 项（共 ${area.summary.total} 项）。`,
    breadcrumbs: [{ href: paths.areas, label: '问题与措施' }, { label: area.name }],
    search: { kind: '问题', filters: { 问题: [area.name] }, meta: { number: area.name } },
  };
}

export function unitHead(unit: UnitView): PageHead {
  const summary = `${unit.measures.length} 项整改措施、已销号 ${unit.summary.closed} 项，以及 ${unit.records.length} 条整改进展`;
  return {
    title: unit.name,
    description: `${unit.name}负责的 ${summary}。`,
    breadcrumbs: [{ href: paths.units, label: '责任单位' }, { label: unit.name }],
    search: { kind: '单位', filters: { 单位: [unit.name] } },
  };
}

/** A unit's printable bulletin board (not in the search index). */
export function boardHead(unit: UnitView, site: SiteModel): PageHead {
  const crumbs = [{ href: paths.units, label: '责任单位' }, { href: paths.unit(unit.id), label: unit.name }, { label: '宣传栏展板' }];
  return {
    title: `${unit.name}宣传栏展板`,
    description: `${unit.name}${site.settings.pages?.boards ?? '宣传栏展板（A3 横向打印）：本单位整改清单和进展。'}`,
    breadcrumbs: crumbs,
  };
}

export function postHead(post: PostView, site: SiteModel): PageHead {
  const units = site.units.filter((u) => post.entry.data.units?.includes(u.id)).map((u) => u.name);
  return {
    title: post.title,
    description: post.summary,
    breadcrumbs: [
      { href: paths.posts, label: '宣传专栏' },
      { href: paths.column(post.column.id), label: post.column.title },
    ],
    ogType: 'article',
    search: { kind: '宣传文章', filters: { 单位: units }, date: post.date },
  };
}

export function recordHead(record: RecordView, site: SiteModel): PageHead {
  const measures = record.measures.map((m) => site.measureById.get(m.id)!);
  const about = measures.length > 0 ? `（涉及 ${measures.map((m) => m.name).join('、')}）` : '';
  const areas = [...new Set(measures.map((m) => site.areas.find((a) => a.number === m.area)!.name))];
  return {
    title: record.title,
    description: `${formatDate(record.date)} 整改进展：${record.title}${about}。`,
    breadcrumbs: [{ href: paths.updates, label: '整改进展' }, { label: formatDate(record.date) }],
    ogType: 'article',
    search: {
      kind: '进展记录',
      filters: { 单位: record.units.map((u) => u.name), 问题: areas, ...(record.status ? { 状态: [record.status] } : {}) },
      ...(record.status ? { meta: { status: record.status } } : {}),
      date: record.date,
    },
  };
}

export function noticeHead(notice: NoticeView): PageHead {
  return {
    title: notice.title,
    description: `${notice.date ? `${formatDate(notice.date)}：` : ''}${notice.lead || notice.title}`,
    breadcrumbs: [{ href: paths.notices, label: '通知' }, { label: notice.title }],
    ogType: 'article',
    search: { kind: '通知', date: notice.published },
  };
}
