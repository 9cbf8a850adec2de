import type { APIRoute } from 'astro';
import { buildId } from '../data/build-id.ts';
import { publicUrl } from '../data/site-address.ts';
import { loadSite } from '../data/site.ts';

/**
 * Polled by the display screens; served with no-store (see deploy/). `site` is the public
 * address the build was made for, null for a local-preview build: deploy/deploy.sh refuses those.
 */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const body = { build: buildId(), dataAsOf: site.today, site: publicUrl('/', site.settings.url) ?? null };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
