/**
 * Loads the portal once per build: portal.yaml (path in PORTAL_CONFIG, set by scripts/portal.ts),
 * every member's feed, and the roll-up. The pages (a Vite bundle) and the release integration
 * (plain Node) run in the same process but import separate copies of this module, so the one
 * loading is kept on globalThis: each member's feed is fetched once per build, not twice.
 */
import { createHash } from 'node:crypto';
import { buildDate } from '../domain/dates.ts';
import { readPortalConfig, type LoadedConfig } from './config.ts';
import { loadMembers } from './members.ts';
import { buildPortal, type PortalModel } from './rollup.ts';

export interface Portal extends PortalModel {
  config: NonNullable<LoadedConfig['config']>;
  /** Changes when any member's data, the list or the date does (/version.json). */
  build: string;
}

const KEY = Symbol.for('rectification-portal');
const store = globalThis as { [KEY]?: Promise<Portal> };

async function load(): Promise<Portal> {
  const file = process.env['PORTAL_CONFIG'];
  if (!file) throw new Error('未指定汇总站配置文件：请用 npm run portal -- portal.yaml 构建');
  const { config, errors } = readPortalConfig(file);
  if (!config) throw new Error(errors.join('\n'));
  const today = buildDate(process.env);
  const members = await loadMembers(config.members, { today, staleAfterDays: config.staleAfterDays });
  // `b` and 15 hex characters, as the sites' ids (src/data/build-id.ts): bare hex could begin
  // with eleven digits, which the final gate rightly reads as a mobile number.
  const build = `b${createHash('sha256')
    .update(JSON.stringify([today, config, members.map((m) => [m.id, m.state, m.feed?.build, m.feed?.generated])]))
    .digest('hex')
    .slice(0, 15)}`;
  return { ...buildPortal(members, today), config, build };
}

export function loadPortal(): Promise<Portal> {
  store[KEY] ??= load();
  return store[KEY];
}
