import type { APIRoute } from 'astro';
import { loadSite } from '../data/site.ts';
import { ledgerCsv } from '../domain/ledger.ts';

/** The ledger as CSV, from the same rows as the ledger page. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(ledgerCsv(site.ledger, site.today), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
