/**
 * The site's public address (网址): content, not build configuration. QR codes on the screens
 * and the bulletin boards, canonical and share URLs all lead to it, so a build that does not
 * know it must say so loudly instead of quietly pointing every code at the build machine.
 */

/** Where a build without an address points canonical URLs: good for a preview on this PC only. */
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
 * Checks a public address as an editor writes it: http(s), a host, and nothing after the
 * host (the site is built for the root of its domain). Returns a Chinese reason, or undefined.
 * @example addressProblem('dj.example.gov.cn') // '…要以 https:// 或 http:// 开头…'
 */
export function addressProblem(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `“${address}”不是完整的网址，要以 https:// 或 http:// 开头，例如 https://dj.example.gov.cn/`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `“${address}”要以 https:// 或 http:// 开头`;
  if (url.pathname !== '/' || url.search || url.hash || url.username)
    return `“${address}”只写到域名为止（本网站放在域名的根目录），例如 ${url.origin}/`;
  return undefined;
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
