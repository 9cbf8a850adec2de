import type { APIRoute } from 'astro';
import { feedJsonSchema } from '../../schemas/feed.ts';

/** The JSON Schema of /data/plan.json, generated from the zod schema the site and the portal check it with. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(feedJsonSchema(), null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
