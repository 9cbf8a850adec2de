/**
 * node scripts/check-routes.ts <previous routes.txt> [dist]: fails, listing them, when routes of
 * the previous release are missing from the new build without an entry in deploy/redirects.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { missingRoutes } from '../src/lib/routes.ts';

const [previousFile, distArg] = process.argv.slice(2);
if (!previousFile) {
  console.error('用法：node scripts/check-routes.ts <上一版的 routes.txt> [dist]');
  process.exit(2);
}
const dist = resolve(distArg ?? 'dist');
const root = resolve(import.meta.dirname, '..');
const read = (f: string) => readFileSync(f, 'utf8').split('\n').filter(Boolean);
const previous = existsSync(previousFile) ? read(previousFile) : [];
const current = read(join(dist, 'routes.txt'));
const redirects = JSON.parse(readFileSync(join(root, 'deploy/redirects.json'), 'utf8')) as Record<string, string>;
const missing = missingRoutes(previous, current, redirects);
if (missing.length > 0) {
  console.error(
    `以下 ${missing.length} 个地址在上一版中存在、新版本中没有，也没有转向（已转发的链接会失效）。请在 deploy/redirects.json 中加上 "旧地址": "新地址"：`,
  );
  for (const m of missing) console.error(`  ${m}`);
  process.exit(1);
}
console.log(`地址检查通过：上一版的 ${previous.length} 个地址都还在，或已设置转向。`);
