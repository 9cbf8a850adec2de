/**
 * Links shared in WeChat chat groups must keep working: a route that a live release served may
 * only disappear from the next release with an entry in the redirect map (deploy/redirects.json).
 * The build writes what a release answers (its pages and the sources of its redirects) to
 * dist/routes.txt, so that deploy/deploy.sh can compare two releases on a server without Node.
 */
import { paths } from '../domain/urls.ts';

/**
 * Every path a release answers: its pages and the old addresses it redirects, a source
 * written without its trailing slash (`/old`) answering as `/old/` too. Sorted, no repeats.
 * @example answeredRoutes(['/a/'], { '/b': '/a/' }) // ['/a/', '/b', '/b/']
 */
export function answeredRoutes(pages: readonly string[], redirects: Readonly<Record<string, string>>): string[] {
  const sources = Object.keys(redirects).flatMap((from) => (from.endsWith('/') ? [from] : [from, `${from}/`]));
  return [...new Set([...pages, ...sources])].sort();
}

/**
 * The paths deploy/deploy.sh fetches after switching to a new release: the pages and files a
 * reader and a display screen need first (one measure and one screen preset stand for the rest,
 * whatever this site's numbering and presets are).
 * @example smokePaths(['/', '/measures/2-1/', '/kiosk/tv/']) // ['/', '/measures/2-1/', '/ledger/', …, '/kiosk/tv/', '/version.json']
 */
export function smokePaths(pages: readonly string[]): string[] {
  // The first page directly under a section: one measure, one screen preset.
  const first = (section: string) => [...pages].sort().find((p) => p.startsWith(section) && /^[^/]+\/$/.test(p.slice(section.length)));
  return [
    paths.home,
    first(paths.measure.prefix),
    paths.ledger,
    paths.stats,
    paths.search,
    '/pagefind/pagefind.js',
    first(paths.screen.prefix),
    '/version.json',
  ].filter((p): p is string => p !== undefined);
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
