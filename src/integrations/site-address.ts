/**
 * The site's public address for astro.config.mjs: `SITE_URL`, else `url` in the site settings.
 * Read from the settings file itself because Astro needs `site` before any collection loads. A
 * build without a usable address still builds (for local preview and the test suite) but says
 * so in Chinese at its end, where the office looks, and deploy/deploy.sh refuses to publish it.
 */
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { resolveSiteUrl, type SiteAddress } from '../domain/site-url.ts';

/** The settings file's `url`, or undefined when the file is missing or unreadable (the checker reports why). */
function settingsUrl(root: URL): string | undefined {
  try {
    const data = parse(readFileSync(new URL('src/content/settings/site.yaml', root), 'utf8')) as { url?: unknown } | null;
    return typeof data?.url === 'string' ? data.url : undefined;
  } catch {
    return undefined;
  }
}

/** The address this build uses; `root` is the project folder. */
export function siteAddress(root: URL): SiteAddress {
  return resolveSiteUrl(process.env['SITE_URL'], settingsUrl(root));
}

/** Prints the missing-address warning when a build finishes. */
export default function siteAddressWarning(address: SiteAddress): AstroIntegration {
  return {
    name: 'site-address',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (address.warning) logger.warn(`\n\n  ⚠ ${address.warning}\n`);
      },
    },
  };
}
