/**
 * Splits a list into numbered pages for list pages with stable URLs: page 1 at `base`, page n
 * at `${base}page/n/`.
 */
import { paths } from './urls.ts';

export interface Page<T> {
  number: number;
  total: number;
  items: T[];
  href: string;
  previous?: string;
  next?: string;
}

/**
 * @example paginate([1, 2, 3], 2, '/updates/').map((p) => p.href) // ['/updates/', '/updates/page/2/']
 */
export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const href = (n: number) => paths.listPage(base, n);
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    const page: Page<T> = { number, total, items: items.slice(i * size, number * size), href: href(number) };
    if (number > 1) page.previous = href(number - 1);
    if (number < total) page.next = href(number + 1);
    return page;
  });
}
