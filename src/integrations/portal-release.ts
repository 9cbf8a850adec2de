/**
 * The county portal's release steps after its pages are written: one Pagefind index over every
 * member's feed (src/portal/search.ts), the same final gate as the sites (personal data, active
 * content), and the manifest that deploy/deploy.sh checks. A failed gate stops the build with its
 * Chinese report and no manifest.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadPortal } from '../portal/load.ts';
import { runRelease } from '../release/release.ts';

export default function portalRelease(): AstroIntegration {
  let root = '';
  return {
    name: 'portal-release',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // The sites' icon; the portal has no public/ folder of its own.
        copyFileSync(join(root, '../public/favicon.svg'), join(dist, 'favicon.svg'));
        const portal = await loadPortal();
        logger.info(`${portal.members.length} 个成员站点`);
        // The towns' pages and their 方面 lists (data-pagefind-body), not a record per item: the
        // index's page list, which every first search downloads, grows with pages, and per-item
        // records made it 86 KB at 100 towns (bench:portal). Headings with ids give per-item results.
        await runRelease(dist, { root, redirects: {}, admin: false, log: (m) => logger.info(m) });
      },
    },
  };
}
