/** The portal pages' data: the one loading (src/portal/load.ts) and the list pages. */
import { portalPaths } from '../../src/portal/urls.ts';
import { paginate } from '../../src/domain/paginate.ts';
import { loadPortal } from '../../src/portal/load.ts';

export { loadPortal };

/** Towns per page of the full list, overdue items per page: keeps every page within the sites' budgets. */
const TOWNS_PER_PAGE = 50;
const OVERDUE_PER_PAGE = 80;

export async function townPages() {
  return paginate((await loadPortal()).members, TOWNS_PER_PAGE, portalPaths.towns);
}

export async function overduePages() {
  return paginate((await loadPortal()).overdue, OVERDUE_PER_PAGE, portalPaths.overdue);
}
