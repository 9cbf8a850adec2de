/** Paginated lists, computed once from the site model. */
import { paginate, type Page } from '../domain/paginate.ts';
import { loadSite, type ColumnView, type PostView, type RecordView } from './site.ts';

export const PAGE_SIZE = 20;

/** Progress records, 20 a page, newest first: /updates/, /updates/page/2/, … */
export async function recordPages(): Promise<Page<RecordView>[]> {
  return paginate((await loadSite()).records, PAGE_SIZE, '/updates/');
}

/** Each column's posts, 20 a page: /columns/<id>/, /columns/<id>/page/2/, … */
export async function columnPages(): Promise<{ column: ColumnView; page: Page<PostView> }[]> {
  return (await loadSite()).columns.flatMap((column) =>
    paginate(column.posts, PAGE_SIZE, `/columns/${column.id}/`).map((page) => ({ column, page })),
  );
}
