/**
 * Astro's content collections, defined from the shared collection registry so that the build
 * and `npm run check` read the same files with the same schemas.
 */
import { defineCollection, type SchemaContext } from 'astro:content';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import { afterContentCheck } from './loaders/after-check.ts';
import { csvTableLoader } from './loaders/csv-table.ts';
import { entryCollections as e, entryId, globPattern, tableCollections as t, type EntryCollectionSpec } from './schemas/collections.ts';

/** A collection of files in `spec.dir`; ids are file names, so URLs follow them. */
function entries<T extends z.ZodType>(spec: EntryCollectionSpec, schema: T | ((ctx: SchemaContext) => T)) {
  // The explicit type argument keeps each collection's data type (inference stops at the base schema type).
  return defineCollection<T>({
    loader: afterContentCheck(glob({ base: spec.dir, pattern: globPattern(spec), generateId: ({ entry }) => entryId(entry) })),
    schema,
  });
}

export const collections = {
  plan: entries(e.plan, e.plan.schema()),
  duties: entries(e.duties, e.duties.schema()),
  requirements: entries(e.requirements, e.requirements.schema()),
  areas: entries(e.areas, e.areas.schema()),
  measures: entries(e.measures, e.measures.schema()),
  units: entries(e.units, e.units.schema()),
  updates: entries(e.updates, e.updates.schema()),
  columns: entries(e.columns, e.columns.schema()),
  // Posts and settings take Astro's own image(), so covers and the QR code are processed by astro:assets.
  posts: entries(e.posts, ({ image }) => e.posts.schema({ image })),
  notices: entries(e.notices, e.notices.schema()),
  screens: entries(e.screens, e.screens.schema()),
  settings: entries(e.settings, ({ image }) => e.settings.schema({ image })),
  metrics: defineCollection({ loader: afterContentCheck(csvTableLoader(t.metrics)), schema: t.metrics.schema }),
  observations: defineCollection({ loader: afterContentCheck(csvTableLoader(t.observations)), schema: t.observations.schema }),
};
