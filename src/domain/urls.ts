/**
 * Every address the site links to, in one place: components, pages, the view model, the
 * calendar, the RSS feed, the navigation and the pagination all take their paths from here, so
 * a route that moves moves once. The site is built for the root of its domain (a public address
 * with a path after the host is refused, src/schemas/vocabulary.ts `addressProblem`), so paths
 * carry no base prefix; this is the one place to add one.
 */

/** A path under a section, for an entry id (`/measures/2-3/`); `prefix` is the section's own (`/measures/`). */
const under = (section: string) => Object.assign((id: string) => `/${section}/${id}/`, { prefix: `/${section}/` });

export const paths = {
  home: '/',
  plan: '/plan/',
  areas: '/areas/',
  ledger: '/ledger/',
  units: '/units/',
  updates: '/updates/',
  stats: '/stats/',
  posts: '/posts/',
  notices: '/notices/',
  search: '/search/',
  kiosk: '/kiosk/',
  report: '/report/',
  /** Feeds and files beside the pages. */
  ledgerCsv: '/ledger.csv',
  calendar: '/calendar.ics',
  rss: '/rss.xml',
  shareImage: '/share.png',
  area: under('areas'),
  measure: under('measures'),
  unit: under('units'),
  /** A unit's printable bulletin board. */
  board: under('boards'),
  record: under('updates'),
  post: under('posts'),
  notice: under('notices'),
  column: under('columns'),
  /** A display-screen preset's page. */
  screen: under('kiosk'),
  /** A chart's numbers as a CSV download. */
  chartCsv: (id: string) => `/charts/${id}.csv`,
  /**
   * Page `n` of a list whose first page is `list`: the first page is the list itself.
   * @example paths.listPage('/updates/', 2) // '/updates/page/2/'
   */
  listPage: (list: string, n: number) => (n === 1 ? list : `${list}page/${n}/`),
} as const;
