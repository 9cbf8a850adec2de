/**
 * Where each collection lives and which schema it follows. Read by src/content.config.ts (to
 * define Astro's collections) and by the checker (to find and validate the same files), so the
 * two can never disagree about what a file must contain.
 */
import type { z } from 'astro/zod';
import {
  areaSchema,
  columnSchema,
  dutySchema,
  measureSchema,
  metricSchema,
  noticeSchema,
  observationSchema,
  planSchema,
  postSchema,
  requirementSchema,
  screenSchema,
  settingsSchema,
  unitSchema,
  updateSchema,
  type SchemaContext,
} from './index.ts';

export interface EntryCollectionSpec {
  /** Collection name in Astro. */
  name: string;
  /** What editors call it, in messages. */
  label: string;
  /** Folder relative to the project root. */
  dir: string;
  /** File extensions, without the dot; `md`/`mdx` have frontmatter, `yaml` is all data. */
  extensions: readonly ('md' | 'mdx' | 'yaml')[];
  schema: (ctx: SchemaContext) => z.ZodType;
}

export interface TableCollectionSpec {
  name: string;
  label: string;
  /** A CSV file or a folder of CSV files, relative to the project root. */
  path: string;
  schema: z.ZodType;
}

const fixed =
  <T extends z.ZodType>(schema: T) =>
  () =>
    schema;

export const entryCollections = {
  plan: { name: 'plan', label: '整改方案', dir: 'src/content/plan', extensions: ['md'], schema: fixed(planSchema) },
  duties: { name: 'duties', label: '责任', dir: 'src/content/duties', extensions: ['md'], schema: fixed(dutySchema) },
  requirements: {
    name: 'requirements',
    label: '整改工作要求',
    dir: 'src/content/requirements',
    extensions: ['md'],
    schema: fixed(requirementSchema),
  },
  areas: { name: 'areas', label: '问题领域', dir: 'src/content/areas', extensions: ['md'], schema: fixed(areaSchema) },
  measures: { name: 'measures', label: '整改措施', dir: 'src/content/measures', extensions: ['md'], schema: fixed(measureSchema) },
  units: { name: 'units', label: '单位', dir: 'src/content/units', extensions: ['md'], schema: fixed(unitSchema) },
  updates: { name: 'updates', label: '进展记录', dir: 'src/content/updates', extensions: ['md', 'mdx'], schema: fixed(updateSchema) },
  columns: { name: 'columns', label: '宣传栏目', dir: 'src/content/columns', extensions: ['md'], schema: fixed(columnSchema) },
  posts: { name: 'posts', label: '宣传文章', dir: 'src/content/posts', extensions: ['md', 'mdx'], schema: postSchema },
  notices: { name: 'notices', label: '通知公告', dir: 'src/content/notices', extensions: ['md'], schema: fixed(noticeSchema) },
  screens: { name: 'screens', label: '显示屏预设', dir: 'src/content/screens', extensions: ['yaml'], schema: fixed(screenSchema) },
  settings: { name: 'settings', label: '站点设置', dir: 'src/content/settings', extensions: ['yaml'], schema: settingsSchema },
} as const satisfies Record<string, EntryCollectionSpec>;

export const tableCollections = {
  metrics: { name: 'metrics', label: '指标定义', path: 'data/metrics.csv', schema: metricSchema },
  observations: { name: 'observations', label: '数据表', path: 'data/observations', schema: observationSchema },
} as const satisfies Record<string, TableCollectionSpec>;

/**
 * An entry's id: its path inside the collection folder without the extension, so that
 * `measures/2-3.md` is `2-3` and its page stays at /measures/2-3/ whatever its title becomes.
 * @example entryId('2-3.md') // '2-3'
 */
export function entryId(relativePath: string): string {
  return relativePath.replaceAll('\\', '/').replace(/\.(md|mdx|ya?ml)$/, '');
}

/** The glob pattern Astro's loader uses for a collection. */
export function globPattern(spec: EntryCollectionSpec): string {
  return spec.extensions.length === 1 ? `**/*.${spec.extensions[0]}` : `**/*.{${spec.extensions.join(',')}}`;
}
