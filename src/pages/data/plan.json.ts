import type { APIRoute } from 'astro';
import { buildId } from '../../data/build-id.ts';
import { buildFeed } from '../../data/feed.ts';
import { publicUrl } from '../../data/site-address.ts';
import { loadSite } from '../../data/site.ts';

/** The open-data feed (src/schemas/feed.ts): what a county portal or any other program reads. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const feed = buildFeed(site, buildId(), publicUrl('/', site.settings.url) ?? null);
  return new Response(JSON.stringify(feed), { headers: { 'Content-Type': 'application/json' } });
};
