/**
 * The public address for pages that print it or encode it in a QR code: the same rule as
 * astro.config.mjs (`SITE_URL`, else the settings' `url`), so a page can tell a real address
 * from the local-preview fallback that `Astro.site` holds when none is set.
 */
import { resolveSiteUrl } from '../domain/site-url.ts';

/**
 * The absolute URL of `path` on the public site, or undefined when the build has no address
 * (the page then shows “未设置网址” instead of a QR code that leads nowhere).
 * @example publicUrl('/units/a-cun/', 'https://dj.example.gov.cn/') // 'https://dj.example.gov.cn/units/a-cun/'
 */
export function publicUrl(path: string, settingsUrl: string | undefined): string | undefined {
  const address = resolveSiteUrl(process.env['SITE_URL'], settingsUrl);
  return address.configured ? new URL(path, address.site).href : undefined;
}

/** What a QR code's place says when the build has no public address. */
export const NO_ADDRESS = '未设置网址';
