/**
 * The site's main sections, in the order of the header navigation.
 */
import { paths } from './urls.ts';

export const NAV_ITEMS = [
  { href: paths.home, label: '首页' },
  { href: paths.plan, label: '整改方案' },
  { href: paths.areas, label: '问题与措施' },
  { href: paths.ledger, label: '整改台账' },
  { href: paths.units, label: '责任单位' },
  { href: paths.updates, label: '整改进展' },
  { href: paths.stats, label: '数据统计' },
  { href: paths.posts, label: '宣传专栏' },
] as const;

/**
 * The navigation item a path belongs to, for `aria-current`.
 * @example currentSection('/measures/2-3/') // '/areas/'
 */
export function currentSection(pathname: string): string {
  if (pathname === paths.home) return paths.home;
  if (pathname.startsWith(paths.measure.prefix)) return paths.areas;
  if (pathname.startsWith(paths.column.prefix)) return paths.posts;
  return NAV_ITEMS.find((item) => item.href !== '/' && pathname.startsWith(item.href))?.href ?? '';
}
