/**
 * <site-search>: runs the reader's query against Pagefind's index and lists the results with
 * their kind, status or date and an excerpt around the query's words. The query lives in the
 * URL (?q=…), so a link to a search works, and so does the form without JavaScript.
 *
 * Pagefind's JS, worker and WebAssembly load on the first keystroke or submitted query (or at
 * once when the address already holds one), not with the empty page. Results that contain the
 * query as typed come first and are the ones counted; pages Pagefind finds by some of its
 * characters only are listed after them and said to be so.
 */
import { containsAllTerms, excerptAround, PAGEFIND_OPTIONS } from '../domain/search.ts';

interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string>;
  /** Sections of the page under headings with an id, each with its own address and text. */
  sub_results?: { url: string; title: string; excerpt: string }[];
}

interface Pagefind {
  options: (o: object) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (
    q: string,
    o?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: { id: string; data: () => Promise<PagefindResultData> }[] } | null>;
}

/** How many of Pagefind's results are read (and checked for the query) per search, unless the page says (data-loaded). */
const LOADED = 30;

class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #run = 0;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    const input = this.#input();
    this.#say('');
    input.value = new URL(location.href).searchParams.get('q') ?? '';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search();
    });
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#search(), 250);
    });
    for (const select of this.querySelectorAll('select')) select.addEventListener('change', () => void this.#search());
    // The filters' values are fetched when the reader opens them, not with the first search: on a
    // large index (the county portal's) they weigh more than the search itself.
    const filters = this.querySelector<HTMLDetailsElement>('[data-filters]')!;
    filters.hidden = false;
    let filled = false;
    filters.addEventListener('toggle', () => {
      if (!filters.open || filled) return;
      filled = true;
      void this.#load().then((p) => this.#fillFilters(p));
    });
    if (input.value.trim()) void this.#search();
  }

  /** How many results are read per search: fewer on an index whose pages are long. */
  get #loaded(): number {
    return Number(this.dataset['loaded'] ?? LOADED);
  }

  #input(): HTMLInputElement {
    return this.querySelector<HTMLInputElement>('input[name="q"]')!;
  }

  #load(): Promise<Pagefind> {
    // Pagefind's files are written next to the site by `npm run build`, so they are not bundled.
    const url = '/pagefind/pagefind.js';
    this.#pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (p) => {
      await p.options(PAGEFIND_OPTIONS);
      return p;
    });
    return this.#pagefind;
  }

  /** The filters' values come from the index, once it is loaded. */
  async #fillFilters(pagefind: Pagefind): Promise<void> {
    const available = await pagefind.filters();
    // The page names its filters (the site's or the county portal's), so one script serves both.
    for (const select of this.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
      const name = select.dataset['filter']!;
      for (const value of Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
        select.append(new Option(value, value));
      }
    }
  }

  #say(text: string): void {
    this.querySelector<HTMLElement>('[data-status]')!.textContent = text;
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const q = this.#input().value.trim();
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!q) {
      list.replaceChildren();
      this.#say('');
      return;
    }
    const filters: Record<string, string> = {};
    for (const select of this.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
      if (select.value) filters[select.dataset['filter']!] = select.value;
    }
    const sort = this.querySelector<HTMLSelectElement>('select[data-sort]')!.value;
    let found;
    try {
      this.#say('正在搜索……');
      found = await (await this.#load()).search(q, { filters, ...(sort ? { sort: { [sort]: 'desc' as const } } : {}) });
    } catch {
      this.#say('搜索索引加载失败，请稍后再试，或查看整改台账。');
      return;
    }
    if (run !== this.#run || !found) return;
    const loaded = (await Promise.all(found.results.slice(0, this.#loaded).map((r) => r.data()))).map((d) => this.#section(d, q));
    if (run !== this.#run) return;
    const exact = loaded.filter((d) => containsAllTerms(d.content, q));
    const partial = loaded.filter((d) => !containsAllTerms(d.content, q));
    const items = exact.map((d) => this.#item(d, q));
    if (partial.length > 0) {
      const divider = document.createElement('li');
      divider.className = 'divider';
      divider.textContent = exact.length > 0 ? '以下结果只含部分字词：' : '以下结果只含部分字词，可能不是您要找的：';
      items.push(divider, ...partial.map((d) => this.#item(d, q)));
    }
    list.replaceChildren(...items);
    this.#say(this.#count(q, exact.length, partial.length, found.results.length));
  }

  /** The count as it is: pages containing the query, and how many merely share some of its characters. */
  #count(q: string, exact: number, partial: number, total: number): string {
    if (total === 0) return `没有找到与“${q}”相关的内容。可以换一个更短的词，或去掉筛选条件。`;
    const scope = total > this.#loaded ? `（在相关度最高的 ${this.#loaded} 条中统计）` : '';
    if (exact === 0) return `没有找到包含“${q}”的内容；下面 ${partial} 条只含其中部分字词${scope}。`;
    return `找到 ${exact} 条包含“${q}”的结果${partial > 0 ? `，另有 ${partial} 条只含部分字词` : ''}${scope}。`;
  }

  /**
   * On a page of many items (data-sub-results: the portal's lists), the result is the section
   * under the heading that holds the query: its own address (#anchor), title and text.
   */
  #section(d: PagefindResultData, q: string): PagefindResultData {
    if (!('subResults' in this.dataset)) return d;
    const section = d.sub_results?.find((s) => containsAllTerms(s.excerpt.replace(/<\/?mark>/g, ''), q) && s.url.includes('#'));
    if (!section) return d;
    return { ...d, url: section.url, content: section.excerpt.replace(/<\/?mark>/g, ''), meta: { ...d.meta, title: section.title } };
  }

  #item(d: PagefindResultData, q: string): HTMLLIElement {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.className = 'title';
    link.href = d.url;
    link.textContent = d.meta['title'] ?? d.url;
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = [
      d.meta['kind'],
      d.meta['number'] && `编号 ${d.meta['number']}`,
      d.meta['status'] && `状态：${d.meta['status']}`,
      // 2026-09-25 → 2026年9月25日, as the pages write dates.
      d.meta['date']?.replace(
        /^(\d{4})-(\d{2})-(\d{2})$/,
        (_, y: string, m: string, day: string) => `${y}年${Number(m)}月${Number(day)}日`,
      ),
    ]
      .filter(Boolean)
      .join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    // Text nodes and <mark> only: nothing from the index is parsed as HTML.
    for (const part of excerptAround(d.content, q)) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else {
        excerpt.append(part.text);
      }
    }
    li.append(link, meta, excerpt);
    return li;
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
