/**
 * An Astro content loader for the tidy CSV tables under data/. Astro's `file()` loader reads
 * files as UTF-8 only; Excel on a Chinese Windows PC writes GB18030. This loader reads through
 * the checker's own table reader (src/checker/load.ts `loadTable`): the same files, the same
 * decoding, the same rules and the same Chinese messages, so a table is parsed one way only.
 * The checker has run before the build and reported every problem in these tables; rows it
 * refused are left out here rather than reported a second time.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ProjectFiles } from '../checker/files.ts';
import { IssueList } from '../checker/issues.ts';
import { loadTable } from '../checker/load.ts';
import type { TableCollectionSpec } from '../schemas/collections.ts';

/** Loads a table (one CSV file, or every `.csv` file in a folder), one entry per row (id `file:line`). */
export function csvTableLoader(spec: TableCollectionSpec): Loader {
  return {
    name: 'csv-table',
    load: async ({ store, parseData, config }) => {
      const rows = loadTable(new ProjectFiles(fileURLToPath(config.root)), spec, new IssueList());
      store.clear();
      for (const row of rows) {
        const id = `${row.file}:${row.line}`;
        store.set({ id, data: await parseData({ id, data: row.cells }) });
      }
    },
  };
}
