/**
 * Last step of `npm run build`: writes dist/manifest.sha256 (every file's SHA-256, in
 * `sha256sum -c` format, sorted) so a deploy can verify a copied release and two builds can be
 * compared, and dist/routes.txt (every page's path) for the broken-link check of the next deploy.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { routeOf } from '../src/lib/routes.ts';

const DIST = resolve(process.argv[2] ?? 'dist');
const OWN = new Set(['manifest.sha256', 'routes.txt']);

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
const routes = files.filter((f) => f.endsWith('.html')).map(routeOf);
writeFileSync(join(DIST, 'routes.txt'), `${routes.join('\n')}\n`);
console.log(`manifest: ${files.length} files, ${routes.length} pages`);
