/**
 * /admin/: the office's content editor (Sveltia CMS), self-hosted. Its script comes from the
 * pinned npm package, never from a CDN (the office's network and WeChat may not reach one), and
 * is copied into dist/admin/ after Pagefind has indexed the site, so /admin/ is in no sitemap,
 * no search index and no other page: the rest of the site does not change by one byte.
 *
 * The page carries its own CSP. It is stricter than nothing but looser than the reading pages
 * (the editor styles itself inline and talks to the office's git host), which is why it lives on
 * this one path and is not part of Astro's site-wide policy.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ADMIN_DIR = 'admin';
/** The one vendored file; dist-gate.ts allows exactly this script on exactly the admin page. */
export const ADMIN_SCRIPT = 'sveltia-cms.js';
export const ADMIN_SCRIPT_URL = `/${ADMIN_DIR}/${ADMIN_SCRIPT}`;
export const ADMIN_PAGE = `${ADMIN_DIR}/index.html`;
/** The configuration files next to the page: generated forms, and the office's backend. */
export const ADMIN_CONFIG_FILES = ['config.yml', 'backend.yml'] as const;

/** The package's self-contained browser build, relative to the project root. */
export const SVELTIA_SCRIPT = 'node_modules/@sveltia/cms/dist/sveltia-cms.js';
/**
 * What the bundle would fetch from CDNs (unpkg.com, cdn.jsdelivr.net), which an office network
 * may not reach and the page's CSP refuses: its interface strings, its version check and its
 * three fonts (including the icon font). Each address occurs once in the bundle and is pointed at
 * a copy from an npm package, served beside the page. A new version that writes one differently
 * fails the build rather than silently going back to a CDN.
 */
export const VENDORED: readonly { inBundle: string; served: string; from: string }[] = [
  { inBundle: '`${iP}@${rP}/locales`', served: 'locales', from: '' },
  { inBundle: '`${iP}/package.json`', served: 'package.json', from: 'node_modules/@sveltia/cms/package.json' },
  {
    inBundle: 'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
    served: 'fonts/material-symbols-outlined.woff2',
    from: 'node_modules/@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2',
  },
  {
    inBundle: 'https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2',
    served: 'fonts/noto-mono.woff2',
    from: 'node_modules/@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2',
  },
  {
    inBundle: 'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2',
    served: 'fonts/source-sans-3.woff2',
    from: 'node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2',
  },
];
/** The interface strings the office reads, shipped in the package. */
export const SVELTIA_LOCALE = 'node_modules/@sveltia/cms/locales/zh-CN.json';

export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Svelte sets styles on elements; the editor is for the office only, not the readers.
  "style-src 'self' 'unsafe-inline'",
  // Avatars and previews from the office's git host; uploads are previewed as blob: URLs.
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob:",
  "font-src 'self'",
  // The git host's API (Gitea, GitHub, GitLab: the office's own address, so any https host).
  "connect-src 'self' https: data: blob:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Subresource integrity of a file, as the `integrity` attribute writes it. */
export function integrityOf(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** The admin page. Several `cms-config-url` links are merged by Sveltia, in order. */
export function adminPage(integrity: string): string {
  const links = ADMIN_CONFIG_FILES.map((f) => `<link href="${f}" type="application/yaml" rel="cms-config-url">`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${ADMIN_CSP}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>网站内容编辑</title>
${links}
</head>
<body>
<noscript>内容编辑需要开启 JavaScript，请用电脑上的 Chrome 或 Edge 浏览器打开。</noscript>
<script src="${ADMIN_SCRIPT_URL}" integrity="${integrity}"></script>
</body>
</html>
`;
}

/** The vendored script, fetching nothing from a CDN. */
export function vendoredScript(root: string): Buffer {
  let text = readFileSync(join(root, SVELTIA_SCRIPT), 'utf8');
  for (const { inBundle, served } of VENDORED) {
    const parts = text.split(inBundle);
    if (parts.length !== 2) throw new Error(`${SVELTIA_SCRIPT} 中找不到唯一的 ${inBundle}：@sveltia/cms 升级后请更新 src/release/admin.ts`);
    const local = `/${ADMIN_DIR}/${served}`;
    text = parts.join(inBundle.startsWith('`') ? `\`${local}\`` : local);
  }
  return Buffer.from(text);
}

/** The files of /admin/, by name, from the project at `root`. */
export function adminFiles(root: string): Map<string, Uint8Array> {
  const script = vendoredScript(root);
  const files = new Map<string, Uint8Array>([
    ['index.html', Buffer.from(adminPage(integrityOf(script)))],
    [ADMIN_SCRIPT, script],
    ['locales/zh-CN.json', readFileSync(join(root, SVELTIA_LOCALE))],
  ]);
  for (const { served, from } of VENDORED) if (from) files.set(served, readFileSync(join(root, from)));
  for (const name of ADMIN_CONFIG_FILES) files.set(name, readFileSync(join(root, 'src/admin', name)));
  return files;
}

/** Writes /admin/ into the built site. */
export function writeAdmin(root: string, dist: string): number {
  const dir = join(dist, ADMIN_DIR);
  let bytes = 0;
  for (const [name, content] of adminFiles(root)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
    bytes += content.byteLength;
  }
  return bytes;
}
