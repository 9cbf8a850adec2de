/**
 * The site's public address (网址): content, not build configuration. QR codes on the screens
 * and the bulletin boards, canonical and share URLs all lead to it, so a build that does not
 * know it must say so loudly instead of quietly pointing every code at the build machine.
 */

/** Where a build without an address points canonical URLs: good for a preview on this PC only. */
import { addressProblem } from '../schemas/vocabulary.ts';

export const LOCAL_PREVIEW_URL = 'http://localhost:4321';

export interface SiteAddress {
  /** The origin Astro builds absolute URLs with (`site`). */
  site: string;
  /** Whether the site has a real public address; when not, QR codes show “未设置网址”. */
  configured: boolean;
  /** A Chinese warning for the build's output when the address is missing or unusable. */
  warning?: string;
}

/**
 * Whether an address only works on the machine itself (localhost, 127.x, ::1, 0.0.0.0): a
 * build for it must never be published.
 * @example isLocalAddress('http://127.0.0.1:4321/') // true
 */
export function isLocalAddress(address: string): boolean {
  const host = new URL(address).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';
}

/**
 * The address a build uses: `SITE_URL` from the environment when set (an empty value, as CI
 * templates give for an unset variable, counts as unset), else `url` from the site settings.
 * Without a usable, non-local address the build is for local preview and carries a warning.
 * @example resolveSiteUrl(undefined, 'https://dj.example.gov.cn/') // { site: 'https://dj.example.gov.cn', configured: true }
 */
export function resolveSiteUrl(env: string | undefined, setting: string | undefined): SiteAddress {
  const fromEnv = env?.trim();
  const fromSettings = setting?.trim();
  const address = fromEnv || fromSettings;
  const where = fromEnv ? '环境变量 SITE_URL' : 'src/content/settings/site.yaml 的 url';
  const preview = `二维码处显示“未设置网址”，规范链接和分享链接指向 ${LOCAL_PREVIEW_URL}/，这次构建只能在本机预览，不能发布。`;
  if (!address) {
    return {
      site: LOCAL_PREVIEW_URL,
      configured: false,
      warning: `未设置网站网址：${preview}正式发布前请在 src/content/settings/site.yaml 填写 url（例如 url: https://dj.example.gov.cn/），或设置环境变量 SITE_URL。`,
    };
  }
  const problem = addressProblem(address);
  if (problem) return { site: LOCAL_PREVIEW_URL, configured: false, warning: `网站网址无效（${where}）：${problem}。${preview}` };
  const { origin } = new URL(address);
  if (isLocalAddress(origin)) {
    return { site: origin, configured: false, warning: `网站网址是本机地址 ${origin}（${where}）：${preview}` };
  }
  return { site: origin, configured: true };
}
