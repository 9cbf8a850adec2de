import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadSite } from '../data/site.ts';
import { paths } from '../domain/urls.ts';

/** The publicity column as an RSS feed, newest first. */
export async function GET(context: APIContext) {
  const site = await loadSite();
  return rss({
    title: `${site.settings.siteName} - 宣传专栏`,
    description: site.settings.description,
    site: context.site!,
    items: site.posts.map((p) => ({
      title: p.title,
      pubDate: new Date(`${p.date}T00:00:00+08:00`),
      description: p.summary,
      link: paths.post(p.id),
      categories: [p.column.title],
    })),
    customData: '<language>zh-CN</language>',
  });
}
