/**
 * <site-search>: runs the reader's query against Pagefind's index and lists the results with
 * their kind, status or date and a highlighted excerpt. The query lives in the URL (?q=…), so
 * the header's plain search form works on every page without JavaScript there.
 */
import { PAGEFIND_OPTIONS, preferExactPhrase, RERANK_WINDOW, SEARCH_FILTERS } from '../lib/search.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

interface Pagefind {
  options: (o: object) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (
    q: string,
    o?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: { id: string; data: () => Promise<PagefindResultData> }[] } | null>;
}

const PAGE_SIZE = 20;

/** Appends Pagefind's excerpt (text with <mark> around the hits) as text and <mark> nodes only. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(node.textContent ?? '');
    }
  }
}

class SiteSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #run = 0;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('input[name="q"]')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    status.textContent = '';
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
    void this.#loadFilters();
    if (input.value.trim()) void this.#search();
    else input.focus();
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

  async #loadFilters(): Promise<void> {
    try {
      const available = await (await this.#load()).filters();
      for (const name of SEARCH_FILTERS) {
        const select = this.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)!;
        for (const value of Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
          select.append(new Option(value, value));
        }
      }
      this.querySelector<HTMLElement>('.filters')!.hidden = false;
    } catch {
      this.#say('搜索索引加载失败，请稍后再试，或查看整改台账。');
    }
  }

  #say(text: string): void {
    this.querySelector<HTMLElement>('[data-status]')!.textContent = text;
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const q = this.querySelector<HTMLInputElement>('input[name="q"]')!.value.trim();
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
      found = await (await this.#load()).search(q, { filters, ...(sort ? { sort: { [sort]: 'desc' as const } } : {}) });
    } catch {
      this.#say('搜索索引加载失败，请稍后再试，或查看整改台账。');
      return;
    }
    if (run !== this.#run || !found) return;
    const loaded = await Promise.all(found.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (run !== this.#run) return;
    const data = [...preferExactPhrase(loaded.slice(0, RERANK_WINDOW), q), ...loaded.slice(RERANK_WINDOW)];
    list.replaceChildren(...data.map((d) => this.#item(d)));
    const total = found.results.length;
    this.#say(
      total === 0
        ? `没有找到与“${q}”相关的内容。可以换一个更短的词，或去掉筛选条件。`
        : `找到 ${total} 条与“${q}”相关的结果${total > PAGE_SIZE ? `，显示前 ${PAGE_SIZE} 条` : ''}。`,
    );
  }

  #item(d: PagefindResultData): HTMLLIElement {
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
      d.meta['date'],
    ]
      .filter(Boolean)
      .join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    appendExcerpt(excerpt, d.excerpt);
    li.append(link, meta, excerpt);
    return li;
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
