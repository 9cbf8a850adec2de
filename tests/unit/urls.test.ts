import { describe, expect, it } from 'vitest';
import { paths } from '../../src/domain/urls.ts';
import { currentSection } from '../../src/domain/nav.ts';
import { paginate } from '../../src/domain/paginate.ts';

describe('paths: the one module of the site’s addresses', () => {
  it('names an entry by its id under its section, with the trailing slash every route has', () => {
    expect(paths.measure('2-17-1')).toBe('/measures/2-17-1/');
    expect(paths.area('3')).toBe('/areas/3/');
    expect(paths.unit('x-cun')).toBe('/units/x-cun/');
    expect(paths.board('x-cun')).toBe('/boards/x-cun/');
    expect(paths.record('2026-09-04-a')).toBe('/updates/2026-09-04-a/');
    expect(paths.post('p')).toBe('/posts/p/');
    expect(paths.notice('n')).toBe('/notices/n/');
    expect(paths.column('c')).toBe('/columns/c/');
    expect(paths.screen('tv-1080p')).toBe('/kiosk/tv-1080p/');
    expect(paths.chartCsv('status')).toBe('/charts/status.csv');
  });

  it('gives a list’s first page as the list itself and later pages under page/', () => {
    expect(paths.listPage(paths.updates, 1)).toBe('/updates/');
    expect(paths.listPage(paths.updates, 3)).toBe('/updates/page/3/');
    expect(paginate([1, 2, 3, 4, 5], 2, paths.column('c')).map((p) => p.href)).toEqual([
      '/columns/c/',
      '/columns/c/page/2/',
      '/columns/c/page/3/',
    ]);
  });

  it('places an entry page in the header section that lists it', () => {
    expect(currentSection(paths.measure('2-3'))).toBe(paths.areas);
    expect(currentSection(paths.column('c'))).toBe(paths.posts);
    expect(currentSection(paths.unit('x-cun'))).toBe(paths.units);
    expect(currentSection(paths.home)).toBe('/');
    expect(currentSection('/guide/')).toBe('');
  });
});
