/**
 * The open-data feed every site publishes at /data/plan.json: the plan tree, each item's status as
 * of the build, the reported figures, units and records, for machines (a county portal, a
 * spreadsheet, another department's dashboard). One zod schema serves three readers: the site
 * checks its own feed against it before writing it, /data/plan.schema.json is generated from it,
 * and the portal (src/portal/) checks every member's feed with it.
 *
 * Versioning: `version` is the major version. Adding an optional field keeps it; renaming,
 * removing or changing the meaning of a field raises it, and a portal shows a member with another
 * major version as such instead of misreading it.
 *
 * Never in the feed: people's names (责任领导 stays on the pages), evidence texts, notices' bodies.
 * The output gate over dist/ reads this file like every other.
 */
import { z } from 'astro/zod';
import { STATUSES } from './vocabulary.ts';

export const FEED_FORMAT = 'rectification-plan-feed';
export const FEED_VERSION = 1;
/** Where a site publishes its feed and the feed's JSON Schema. */
export const FEED_PATH = '/data/plan.json';
export const FEED_SCHEMA_PATH = '/data/plan.schema.json';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** A page of the publishing site, as a path from its root (/measures/2-3/). */
const path = z.string().regex(/^\/[^\s]*$/, '页面路径应以 / 开头');
const status = z.enum(STATUSES);

const summarySchema = z
  .object({
    total: z.number().int().min(0),
    未启动: z.number().int().min(0),
    推进中: z.number().int().min(0),
    已完成: z.number().int().min(0),
    长期坚持: z.number().int().min(0),
    overdue: z.number().int().min(0),
    percentClosed: z.number().int().min(0).max(100),
  })
  .describe('按状态计数的整改条目（只计最底层条目）');

export const feedSchema = z.object({
  format: z.literal(FEED_FORMAT),
  version: z.number().int().min(1).describe('主版本号；字段含义变化时加一'),
  generated: day.describe('数据截至日期（构建日期，北京时间）'),
  build: z.string().describe('构建编号'),
  site: z.object({
    name: z.string(),
    url: z.url().nullable().describe('站点公开地址；本地预览构建为 null'),
  }),
  plan: z.object({
    title: z.string(),
    issued: day.optional().describe('方案印发日期'),
    levels: z.array(z.string()).describe('各层级的名称，从方面起'),
    leafNoun: z.string().describe('被计数的条目叫什么（整改措施）'),
    path,
  }),
  summary: summarySchema,
  reported: z
    .array(
      z.object({
        date: day,
        total: z.number().int().min(0),
        done: z.number().int().min(0),
        inProgress: z.number().int().min(0).optional(),
        counted: z.string().optional(),
        source: z.string().optional(),
      }),
    )
    .describe('方案或通报自己报告的数字，新的在前；与 summary 并列，不替代它'),
  areas: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      name: z.string(),
      title: z.string(),
      summary: summarySchema,
      path,
    }),
  ),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      summary: summarySchema,
      path,
    }),
  ),
  items: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        name: z.string(),
        title: z.string(),
        area: z.string(),
        parent: z.string().nullable(),
        leaf: z.boolean().describe('最底层条目：计数、图表和台账只计这些'),
        status,
        statusLabel: z.string().optional().describe('记录用的站点自己的说法（基本完成）'),
        overdue: z.boolean(),
        deadline: z.union([day, z.literal('待定'), z.literal('长期')]),
        deadlineText: z.string().optional().describe('方案原文的时限写法'),
        owners: z.array(z.string()).describe('责任单位编号（见 units）'),
        updated: day.optional(),
        text: z.string().describe('条目正文的纯文本，供检索'),
        path,
      }),
    )
    .describe('方案的全部条目，按方案顺序，上级在下级之前'),
  records: z
    .array(
      z.object({
        id: z.string(),
        date: day,
        title: z.string(),
        status: status.optional(),
        statusLabel: z.string().optional(),
        items: z.array(z.string()),
        units: z.array(z.string()),
        path,
      }),
    )
    .describe('进展记录，新的在前'),
  obligations: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      when: z.string(),
      next: day.optional(),
      items: z.array(z.string()),
    }),
  ),
});

export type Feed = z.infer<typeof feedSchema>;
export type FeedSummary = z.infer<typeof summarySchema>;

/** The feed's JSON Schema, for readers that do not use zod. */
export function feedJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(feedSchema, { target: 'draft-2020-12', io: 'output' }),
    $id: FEED_SCHEMA_PATH,
    title: '整改进展开放数据（/data/plan.json）',
  };
}
