// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import admin from './src/integrations/admin.ts';
import contentCheck from './src/integrations/content-check.ts';
import release from './src/integrations/release.ts';
import { contentRehypePlugins, contentRemarkPlugins } from './src/markdown/pipeline.ts';
import siteAddressWarning, { siteAddress } from './src/integrations/site-address.ts';

// The public address, for QR codes, canonical URLs and the sitemap: `url` in
// src/content/settings/site.yaml, or SITE_URL. Without one the build is for local preview only.
const address = siteAddress(new URL('./', import.meta.url));
const site = address.site;

// Old addresses that moved: links shared in chat groups must keep working (see deploy/).
const redirects = JSON.parse(readFileSync(new URL('./deploy/redirects.json', import.meta.url), 'utf8'));

export default defineConfig({
  site,
  redirects,
  trailingSlash: 'always',
  // Office content has no code blocks; Shiki's inline styles would also break the CSP.
  // The unified pipeline (not Astro 7's default satteri) because the checker parses with the same
  // remark/rehype plugins, and the build adds its own guard (no editor code in MDX) and sanitiser.
  markdown: {
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: contentRemarkPlugins,
      rehypePlugins: contentRehypePlugins,
      // GFM footnotes speak the readers' language.
      remarkRehype: { footnoteLabel: '注释', footnoteBackLabel: (/** @type {number} */ i) => `返回正文第 ${i + 1} 处` },
    }),
  },
  // The checker must run before any other integration touches content.
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({ filter: (page) => !page.endsWith('/404/') && !page.includes('/kiosk/') }),
    siteAddressWarning(address),
    // /admin/ in astro dev; the build adds it after Pagefind (release, below).
    admin(),
    // Search index, /admin/, the final gate and the manifest: `astro build` gives the whole release.
    release(),
  ],
  // Reading pages carry their CSS inline: one request for the page, nothing render-blocking.
  build: { inlineStylesheets: 'always' },
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
});
