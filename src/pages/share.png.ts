import { loadSite } from '../data/site.ts';
import { sharePng } from '../domain/share-image.ts';

/** /share.png: the picture shown beside a shared link, drawn from the settings at build time. */
export async function GET() {
  const site = await loadSite();
  const png = await sharePng(site.settings.shareImage ?? site.settings.siteName);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
}
