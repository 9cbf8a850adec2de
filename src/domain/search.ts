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

/**
 * A query's terms: the words the reader separated with spaces (a Chinese query is usually one).
 * @example queryTerms(' 三会一课  党费 ') // ['三会一课', '党费']
 */
export function queryTerms(query: string): string[] {
  return query.split(/\s+/).filter(Boolean);
}

/**
 * Whether a page's text contains every term of the query as typed (spaces in the text ignored,
 * as Pagefind's content joins inline elements with spaces). Pagefind also returns pages that
 * share only some characters of a Chinese word; those are not counted as containing it.
 * @example containsAllTerms('严格落实“三会一课”制度', '三会一课') // true
 * @example containsAllTerms('党员大会和党课', '三会一课') // false
 */
export function containsAllTerms(content: string, query: string): boolean {
  const text = content.replace(/\s+/g, '');
  const terms = queryTerms(query);
  return terms.length > 0 && terms.every((t) => text.includes(t));
}

/** A piece of an excerpt: plain text, or a term to highlight. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of about `size` characters around the first place a query term occurs, with
 * every whole term highlighted. Only whole terms are marked (Pagefind's own excerpt marks the
 * single characters of a loose match, which reads like noise); a one-character term is marked
 * only when it is the whole query. Without any term in the text, the excerpt is the text's start.
 * @example excerptAround('第一句。严格落实三会一课制度，每月开展。', '三会一课', 12).map((p) => p.text).join('') // '…格落实三会一课制度，每月…'
 */
export function excerptAround(content: string, query: string, size = 60): ExcerptPart[] {
  // Status badges' shape icons (◐ ▲) are for the eye on the page, noise in an excerpt.
  const text = content
    .replace(/[\u25A0-\u25FF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const all = queryTerms(query);
  const terms = (all.length === 1 ? all : all.filter((t) => [...t].length > 1)).sort((a, b) => b.length - a.length);
  const hits = terms.map((t) => text.indexOf(t)).filter((i) => i >= 0);
  const first = hits.length > 0 ? Math.min(...hits) : -1;
  // A little context before the hit, the rest after it.
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(size / 4));
  const end = Math.min(text.length, start + size);
  const window = text.slice(start, end);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = 0;
  while (at < window.length && terms.length > 0) {
    let next = -1;
    let term = '';
    for (const t of terms) {
      const i = window.indexOf(t, at);
      if (i >= 0 && (next < 0 || i < next)) {
        next = i;
        term = t;
      }
    }
    if (next < 0) break;
    if (next > at) parts.push({ text: window.slice(at, next), mark: false });
    parts.push({ text: term, mark: true });
    at = next + term.length;
  }
  if (at < window.length) parts.push({ text: window.slice(at), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
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
