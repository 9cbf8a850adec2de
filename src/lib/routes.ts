/**
 * Links shared in WeChat chat groups must keep working: a route that a live release served may
 * only disappear from the next release with an entry in the redirect map (deploy/redirects.json).
 */

/**
 * Routes of the previous release that the new one neither serves nor redirects.
 * @example missingRoutes(['/a/', '/b/'], ['/a/'], { '/b/': '/a/' }) // []
 */
export function missingRoutes(
  previous: readonly string[],
  current: readonly string[],
  redirects: Readonly<Record<string, string>>,
): string[] {
  const served = new Set(current);
  return previous.filter((route) => !served.has(route) && !(route in redirects) && !(route.replace(/\/$/, '') in redirects));
}

/**
 * The site path of a built HTML file.
 * @example routeOf('measures/2-3/index.html') // '/measures/2-3/'
 */
export function routeOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}
