/**
 * Last step of `npm run build`: writes dist/manifest.sha256 (every file's SHA-256, in
 * `sha256sum -c` format, sorted) so a deploy can verify a copied release and two builds can be
 * compared; dist/routes.txt (every page's path and every redirect's source) for the broken-link
 * check of the next deploy, and dist/smoke.txt (the paths its smoke test fetches). Plain lines, so
 * that deploy/deploy.sh needs only bash, coreutils and curl on the server.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { answeredRoutes, routeOf, smokePaths } from '../src/lib/routes.ts';

const DIST = resolve(process.argv[2] ?? 'dist');
const ROOT = resolve(import.meta.dirname, '..');
const OWN = new Set(['manifest.sha256', 'routes.txt', 'smoke.txt']);

const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile())
  .map((d) => relative(DIST, join(d.parentPath, d.name)).split(sep).join('/'))
  .filter((f) => !OWN.has(f))
  .sort();
const lines = files.map(
  (f) =>
    `${createHash('sha256')
      .update(readFileSync(join(DIST, f)))
      .digest('hex')}  ${f}`,
);
writeFileSync(join(DIST, 'manifest.sha256'), `${lines.join('\n')}\n`);
const pages = files.filter((f) => f.endsWith('.html')).map(routeOf);
const redirects = JSON.parse(readFileSync(join(ROOT, 'deploy/redirects.json'), 'utf8')) as Record<string, string>;
writeFileSync(join(DIST, 'routes.txt'), `${answeredRoutes(pages, redirects).join('\n')}\n`);
writeFileSync(join(DIST, 'smoke.txt'), `${smokePaths(pages).join('\n')}\n`);
console.log(`manifest: ${files.length} files, ${pages.length} pages`);
