/**
 * The site's main sections, in the order of the header navigation.
 */
export const NAV_ITEMS = [
  { href: '/', label: '首页' },
  { href: '/plan/', label: '整改方案' },
  { href: '/areas/', label: '问题与措施' },
  { href: '/ledger/', label: '整改台账' },
  { href: '/units/', label: '责任单位' },
  { href: '/updates/', label: '整改进展' },
  { href: '/stats/', label: '数据统计' },
  { href: '/posts/', label: '宣传专栏' },
] as const;

/**
 * The navigation item a path belongs to, for `aria-current`.
 * @example currentSection('/measures/2-3/') // '/areas/'
 */
export function currentSection(pathname: string): string {
  if (pathname === '/') return '/';
  if (pathname.startsWith('/measures/')) return '/areas/';
  if (pathname.startsWith('/columns/')) return '/posts/';
  return NAV_ITEMS.find((item) => item.href !== '/' && pathname.startsWith(item.href))?.href ?? '';
}
