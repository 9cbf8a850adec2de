/**
 * The county portal's list of member sites (portal.yaml): which towns, where each publishes its
 * feed, and when a feed counts as stale. Read with the checker's YAML reader, so a mistake is a
 * Chinese `portal.yaml:line  field  message` line, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'astro/zod';
import { parseYamlSource } from '../checker/yaml-source.ts';

/** A member's id is its pages' address on the portal (/towns/<id>/). */
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

const memberSchema = z
  .strictObject({
    name: z.string().trim().min(1, '请写镇（单位）名称，例如：A镇'),
    id: z.string().regex(ID, '编号只能用小写字母、数字和连字符，例如 a-zhen').optional(),
    url: z.url({ protocol: /^https?$/, error: '网址应以 http:// 或 https:// 开头，例如 https://a.example.gov.cn/' }).optional(),
    dist: z.string().trim().min(1).optional(),
  })
  .refine((m) => m.url !== undefined || m.dist !== undefined, { message: '请写 url（站点网址）或 dist（本机构建结果文件夹）之一' });

export const portalConfigSchema = z.strictObject({
  title: z.string().trim().min(1, '请写汇总站名称，例如：X县整改进展汇总'),
  description: z.string().optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** A member whose data is older than this many days is shown as 数据过期. */
  staleAfterDays: z.number().int().min(1).max(365).default(3),
  members: z.array(memberSchema).min(1, '至少列出一个成员站点'),
});

export type PortalConfig = z.infer<typeof portalConfigSchema>;

export interface PortalMember {
  id: string;
  name: string;
  /** Where readers are sent: the site's public address. */
  url?: string;
  /** A built site on this machine (absolute path). */
  dist?: string;
}

export interface LoadedConfig {
  config?: Omit<PortalConfig, 'members'> & { members: PortalMember[] };
  /** `file:line  field  message`, in Chinese. */
  errors: string[];
}

/** The member's id: as written, or from its address (a.example.gov.cn → a), or its position. */
function memberId(m: { id?: string | undefined; url?: string | undefined }, index: number): string {
  if (m.id) return m.id;
  const host = m.url ? new URL(m.url).hostname.split('.')[0]!.toLowerCase() : '';
  return ID.test(host) ? host : `m${index + 1}`;
}

export function parsePortalConfig(text: string, file: string): LoadedConfig {
  const source = parseYamlSource(text, 1);
  const errors = source.problems.map((p) => `${file}:${p.line}  ${p.message}`);
  if (errors.length > 0) return { errors };
  const parsed = portalConfigSchema.safeParse(source.data ?? {});
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((i) => `${file}:${source.lineOf(i.path)}  ${i.path.join('.') || '（整个文件）'}  ${i.message}`),
    };
  }
  const base = dirname(resolve(file));
  const seen = new Map<string, number>();
  const members = parsed.data.members.map((m, i) => {
    const member: PortalMember = { id: memberId(m, i), name: m.name };
    if (m.url) member.url = m.url.endsWith('/') ? m.url : `${m.url}/`;
    if (m.dist) member.dist = resolve(base, m.dist);
    const earlier = seen.get(member.id);
    if (earlier !== undefined) {
      errors.push(
        `${file}:${source.lineOf(['members', i])}  members.${i}.id  编号 ${member.id} 与第 ${earlier + 1} 个成员重复，请给其中一个写不同的 id`,
      );
    }
    seen.set(member.id, i);
    return member;
  });
  return errors.length > 0 ? { errors } : { config: { ...parsed.data, members }, errors };
}

export function readPortalConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { errors: [`${file}  找不到汇总站配置文件`] };
  }
  return parsePortalConfig(text, file);
}
