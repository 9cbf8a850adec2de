import type { APIRoute } from 'astro';
import { buildId } from '../data/build-id.ts';
import { loadSite } from '../data/site.ts';

/** Polled by the display screens; served with no-store (see deploy/). */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(JSON.stringify({ build: buildId(), dataAsOf: site.today }), { headers: { 'Content-Type': 'application/json' } });
};
