/**
 * Reads each member site's open-data feed (/data/plan.json, src/schemas/feed.ts) from its address
 * or from a built dist/ folder, and says plainly what is wrong with one that cannot be used. A
 * member is never dropped: one whose feed is missing, unreadable or of another version is shown
 * as such, and one whose data is old is shown with its data and marked 数据过期.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { daysBetween, formatDate, type CalendarDate } from '../domain/dates.ts';
import { FEED_FORMAT, FEED_PATH, FEED_VERSION, feedSchema, type Feed } from '../schemas/feed.ts';
import type { PortalMember } from './config.ts';

export type MemberState = 'ok' | 'stale' | 'missing' | 'invalid' | 'version';

export const STATE_LABELS: Record<MemberState, string> = {
  ok: '正常',
  stale: '数据过期',
  missing: '未取得数据',
  invalid: '数据有误',
  version: '数据版本不符',
};

export interface MemberView extends PortalMember {
  state: MemberState;
  /** Why the member is not `ok`, in Chinese. */
  problem?: string;
  /** Present for `ok` and `stale` members. */
  feed?: Feed;
  /** The public address pages link to: the configured url, else the one the feed gives. */
  base?: string;
  /** The newest progress record's date. */
  lastRecord?: CalendarDate;
}

export interface LoadOptions {
  today: CalendarDate;
  staleAfterDays: number;
  /** The feed's text from an address; global fetch by default, a stub in tests. */
  fetchText?: (url: string) => Promise<string>;
}

const FETCH_TIMEOUT_MS = 20_000;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** Why reading a feed failed, in words the county's staff can act on. */
function failureText(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return '文件不存在';
  if (error.name === 'TimeoutError') return `超过 ${FETCH_TIMEOUT_MS / 1000} 秒没有响应`;
  if (error.message === 'fetch failed') return '无法连接该网址';
  if (error.message.startsWith('HTTP 404')) return 'HTTP 404，该网址下没有这份数据';
  return error.message;
}

/** Where the feed is read from, for messages. */
export function feedSource(member: PortalMember): string {
  return member.dist ? join(member.dist, FEED_PATH) : new URL(FEED_PATH.slice(1), member.url).href;
}

export async function loadMember(member: PortalMember, options: LoadOptions): Promise<MemberView> {
  const source = feedSource(member);
  let text: string;
  try {
    text = member.dist ? await readFile(source, 'utf8') : await (options.fetchText ?? fetchText)(source);
  } catch (error) {
    const why = failureText(error as NodeJS.ErrnoException);
    return { ...member, state: 'missing', problem: `读取 ${source} 失败（${why}）。该站点可能尚未升级到发布开放数据的版本，或网址有误。` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ...member, state: 'invalid', problem: `${source} 不是有效的 JSON。` };
  }
  const head = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (head.format !== FEED_FORMAT)
    return { ...member, state: 'invalid', problem: `${source} 不是整改进展开放数据（format 应为 ${FEED_FORMAT}）。` };
  if (head.version !== FEED_VERSION) {
    return {
      ...member,
      state: 'version',
      problem: `数据版本为 ${String(head.version)}，本汇总站读取版本 ${FEED_VERSION}。请将汇总站与该站点升级到同一版本。`,
    };
  }
  const parsed = feedSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? `等 ${parsed.error.issues.length} 处` : '';
    return { ...member, state: 'invalid', problem: `${source} 的 ${first.path.join('.')} 不符合数据格式（${first.message}）${more}。` };
  }
  const feed = parsed.data;
  const view: MemberView = { ...member, state: 'ok', feed };
  const base = member.url ?? feed.site.url ?? undefined;
  if (base) view.base = base;
  const lastRecord = feed.records[0]?.date;
  if (lastRecord) view.lastRecord = lastRecord;
  const age = daysBetween(feed.generated, options.today);
  if (age > options.staleAfterDays) {
    view.state = 'stale';
    view.problem = `数据截至 ${formatDate(feed.generated)}，已 ${age} 天未更新（超过 ${options.staleAfterDays} 天）。`;
  }
  return view;
}

/** Loads every member, a few at a time so a county of 1,000 sites does not open 1,000 connections at once. */
export async function loadMembers(members: readonly PortalMember[], options: LoadOptions, parallel = 8): Promise<MemberView[]> {
  const out: MemberView[] = new Array(members.length);
  let next = 0;
  const worker = async () => {
    while (next < members.length) {
      const i = next++;
      out[i] = await loadMember(members[i]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, members.length) }, worker));
  return out;
}
