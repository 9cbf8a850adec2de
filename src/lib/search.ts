/**
 * What the search index knows about a page besides its text: its kind and the filters and
 * metadata Pagefind stores for it. Pages pass one of these to the layout, which writes the
 * `data-pagefind-*` attributes; pages without one are not indexed at all.
 */
export type SearchKind = '措施' | '进展记录' | '宣传文章' | '通知' | '单位' | '问题' | '整改方案' | '整改台账';

export interface SearchEntry {
  kind: SearchKind;
  /** Filter values by filter name (问题, 单位, 状态). */
  filters?: Record<string, readonly string[]>;
  /** Shown with a result, e.g. the status of a measure or the date of a record. */
  meta?: Record<string, string>;
  /** A date to sort records and posts by, `YYYY-MM-DD`. */
  date?: string;
}

/**
 * Pagefind's ranking, shared by the search page and the recall suite. Measure pages are longer
 * than records and posts that mention the same words, and the plan's own text should win over
 * a passing mention, so page length weighs less than by default (0.75).
 */
export const PAGEFIND_OPTIONS = { excerptLength: 40, ranking: { pageLength: 0.2, termFrequency: 0.5 } } as const;

/** How many of Pagefind's best results are checked for the exact phrase. */
export const RERANK_WINDOW = 10;

/**
 * Chinese has no spaces, so Pagefind matches a query's segments anywhere on a page; a reader
 * who types a phrase (在各党支部) wants the page where it stands as typed. Results whose text
 * contains the query exactly move first; otherwise Pagefind's order is kept.
 * @example preferExactPhrase([{ content: '各 党支部' }, { content: '在各党支部开展' }], '在各党支部')[0]!.content // '在各党支部开展'
 */
export function preferExactPhrase<T extends { content: string }>(results: readonly T[], query: string): T[] {
  const phrase = query.replace(/\s+/g, '');
  if (!phrase) return [...results];
  const has = (r: T) => r.content.replace(/\s+/g, '').includes(phrase);
  return [...results.filter(has), ...results.filter((r) => !has(r))];
}

/** Filter names, in the order the search page shows them. */
export const SEARCH_FILTERS = ['类型', '问题', '单位', '状态'] as const;

/**
 * The `data-pagefind-filter` / `data-pagefind-meta` / `data-pagefind-sort` attribute values of
 * an entry, one per element (Pagefind reads one `key:value` per attribute).
 * @example searchAttributes({ kind: '措施', filters: { 状态: ['推进中'] } }).filters // ['类型:措施', '状态:推进中']
 */
export function searchAttributes(entry: SearchEntry): { filters: string[]; meta: string[]; sort: string[] } {
  const clean = (v: string) => v.replaceAll(':', '：').replaceAll(',', '，');
  const filters = [`类型:${entry.kind}`];
  for (const [name, values] of Object.entries(entry.filters ?? {})) for (const v of values) filters.push(`${name}:${clean(v)}`);
  const meta = [`kind:${entry.kind}`, ...Object.entries(entry.meta ?? {}).map(([k, v]) => `${k}:${clean(v)}`)];
  const sort = entry.date ? [`date:${entry.date}`] : [];
  if (entry.date) meta.push(`date:${entry.date}`);
  return { filters, meta, sort };
}
