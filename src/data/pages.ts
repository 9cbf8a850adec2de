/** Paginated lists, computed once from the site model. */
import { paginate, type Page } from '../domain/paginate.ts';
import { loadSite, type ColumnView, type PostView, type RecordView, type SiteModel } from './site.ts';
import { paths } from '../domain/urls.ts';

export const PAGE_SIZE = 20;

/** Progress records, 20 a page, newest first: /updates/, /updates/page/2/, … */
export async function recordPages(): Promise<Page<RecordView>[]> {
  return paginate((await loadSite()).records, PAGE_SIZE, paths.updates);
}

/** Each column's posts, 20 a page: /columns/<id>/, /columns/<id>/page/2/, … */
export async function columnPages(): Promise<{ column: ColumnView; page: Page<PostView> }[]> {
  return (await loadSite()).columns.flatMap((column) =>
    paginate(column.posts, PAGE_SIZE, paths.column(column.id)).map((page) => ({ column, page })),
  );
}

/** What a page generated per entry receives: its entry and the site model it belongs to. */
export interface EntryProps<T> {
  entry: T;
  site: SiteModel;
}

/**
 * `getStaticPaths` of a page per entry of one list of the site model, named in the URL by the
 * entry's id under `param` (`/units/[id]/`, `/boards/[unit]/`): the one copy of what every entry
 * page used to repeat. The page reads `Astro.props as EntryProps<…>`.
 */
export async function entryPaths<T extends { id: string }>(pick: (site: SiteModel) => readonly T[], param = 'id') {
  const site = await loadSite();
  return pick(site).map((entry) => ({ params: { [param]: entry.id }, props: { entry, site } satisfies EntryProps<T> }));
}
