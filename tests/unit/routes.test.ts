import { describe, expect, it } from 'vitest';
import { answeredRoutes, routeOf, smokePaths } from '../../src/release/routes.ts';

describe('routes a release answers (dist/routes.txt, compared by deploy/deploy.sh)', () => {
  it('are the pages and the sources of the redirects, sorted, each once', () => {
    expect(answeredRoutes(['/plan/', '/', '/measures/2-3/'], { '/old/': '/plan/', '/plan/': '/' })).toEqual([
      '/',
      '/measures/2-3/',
      '/old/',
      '/plan/',
    ]);
  });

  it('answer a redirect written without its trailing slash at both addresses', () => {
    expect(answeredRoutes([], { '/old': '/plan/' })).toEqual(['/old', '/old/']);
  });

  it('name a built HTML file by its site path', () => {
    expect(['index.html', 'measures/2-3/index.html', '404.html'].map(routeOf)).toEqual(['/', '/measures/2-3/', '/404.html']);
  });
});

describe('the smoke test of a new release (dist/smoke.txt)', () => {
  it('fetches one measure and one screen preset of this site, whatever their names', () => {
    const paths = smokePaths(['/', '/measures/b-2/', '/measures/a-1/', '/kiosk/', '/kiosk/wall/', '/kiosk/wall/notice/', '/ledger/']);
    expect(paths).toEqual([
      '/',
      '/measures/a-1/',
      '/ledger/',
      '/stats/',
      '/search/',
      '/pagefind/pagefind.js',
      '/kiosk/wall/',
      '/version.json',
    ]);
  });

  it('leaves out a measure or a preset the site does not have', () => {
    expect(smokePaths(['/'])).toEqual(['/', '/ledger/', '/stats/', '/search/', '/pagefind/pagefind.js', '/version.json']);
  });
});
