import type { APIRoute } from 'astro';
import { loadPortal } from '../data.ts';

/** What deploy/deploy.sh checks, as on the sites: the build, its date and the public address (null for a preview). */
export const GET: APIRoute = async () => {
  const portal = await loadPortal();
  const body = { build: portal.build, dataAsOf: portal.today, site: portal.config.url ?? null };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
