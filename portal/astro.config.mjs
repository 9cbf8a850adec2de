// @ts-check
// The county portal (npm run portal -- portal.yaml): a separate small Astro site over the member
// sites' open-data feeds. It shares the sites' styles, chart and search code, but none of their
// content. The config file's path and the output folder come from scripts/portal.ts.
import { defineConfig } from 'astro/config';
import portalRelease from '../src/integrations/portal-release.ts';

const url = process.env['PORTAL_URL'];

export default defineConfig({
  ...(url ? { site: url } : {}),
  outDir: process.env['PORTAL_OUT'] ?? '../dist-portal',
  trailingSlash: 'always',
  integrations: [portalRelease()],
  build: { inlineStylesheets: 'always' },
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
});
