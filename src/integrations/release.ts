/**
 * Makes `astro build` give the complete release: after the pages are written, the search index,
 * /admin/, the final gate and the manifest (src/release/release.ts). A failed gate stops the build
 * with its Chinese report and no manifest, so deploy/deploy.sh refuses the release; the report is
 * the whole message, not a stack trace. Listed last, so the sitemap is written before the gate.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runRelease, siteRedirects } from '../release/release.ts';

export default function release(): AstroIntegration {
  let root = '';
  return {
    name: 'release',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await runRelease(fileURLToPath(dir), { root, redirects: siteRedirects(root), admin: true, log: (m) => logger.info(m) });
      },
    },
  };
}
