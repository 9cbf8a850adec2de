/**
 * An Astro content loader for the tidy CSV tables under data/. Astro's `file()` loader reads
 * files as UTF-8 only; Excel on a Chinese Windows PC writes GB18030, so this loader decodes
 * through src/domain/csv.ts, exactly as the checker does, and validates each row with the shared
 * schema. The checker has already run (and refused bad rows) before the build gets here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { decodeText, filledCells, parseCsv } from '../domain/csv.ts';
import { CSV_ALIASES } from '../schemas/index.ts';

/** Loads one CSV file, or every `.csv` file in a folder, with one entry per row (id `file:line`). */
export function csvTableLoader(path: string): Loader {
  return {
    name: 'csv-table',
    load: async ({ store, parseData, config }) => {
      const root = fileURLToPath(config.root);
      const absolute = join(root, path);
      // A site without data tables (a new plan, before any figures) has no folder: no rows, not a crash.
      const files = !existsSync(absolute)
        ? []
        : statSync(absolute).isDirectory()
          ? readdirSync(absolute)
              .filter((f) => f.toLowerCase().endsWith('.csv'))
              .sort()
              .map((f) => `${path}/${f}`)
          : [path];
      store.clear();
      for (const file of files) {
        const { rows } = parseCsv(decodeText(readFileSync(join(root, file))).text, CSV_ALIASES);
        for (const row of rows) {
          const id = `${file}:${row.line}`;
          store.set({ id, data: await parseData({ id, data: filledCells(row.cells) }) });
        }
      }
    },
  };
}
