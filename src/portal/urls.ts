/**
 * Every address on the county portal, in one place, as src/domain/urls.ts is for the sites: the
 * portal's pages, components, search and roll-up take their paths from here.
 */
export const portalPaths = {
  home: '/',
  towns: '/towns/',
  overdue: '/overdue/',
  search: '/search/',
  town: (id: string) => `/towns/${id}/`,
  /** The portal's page of one 方面 of a town, which lists its items. */
  townArea: (id: string, area: string) => `/towns/${id}/areas/${area}/`,
  /** One status category's page (逾期, 未启动 …) by its key. */
  category: (key: string) => `/status/${key}/`,
} as const;
