/**
 * Astro's content collections, defined from the shared collection registry so that the build
 * and `npm run check` read the same files with the same schemas.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { csvTableLoader } from './loaders/csv-table.ts';
import {
  entryCollections as e,
  entryId,
  globPattern,
  tableCollections as t,
  type EntryCollectionSpec,
} from './schemas/collections.ts';

function entries<S extends EntryCollectionSpec>(spec: S) {
  return defineCollection({
    loader: glob({ base: spec.dir, pattern: globPattern(spec), generateId: ({ entry }) => entryId(entry) }),
    schema: ({ image }) => spec.schema({ image }) as ReturnType<S['schema']>,
  });
}

export const collections = {
  plan: entries(e.plan),
  duties: entries(e.duties),
  requirements: entries(e.requirements),
  areas: entries(e.areas),
  measures: entries(e.measures),
  units: entries(e.units),
  updates: entries(e.updates),
  columns: entries(e.columns),
  posts: entries(e.posts),
  notices: entries(e.notices),
  screens: entries(e.screens),
  settings: entries(e.settings),
  metrics: defineCollection({ loader: csvTableLoader(t.metrics.path), schema: t.metrics.schema }),
  observations: defineCollection({ loader: csvTableLoader(t.observations.path), schema: t.observations.schema }),
};
