/**
 * The picture WeChat and other apps show beside a shared link (og:image, 1200×630), drawn at
 * build time from the site's own name (settings `shareImage`, else `siteName`), so a new plan's
 * site never shares another plan's title. The text is laid out here in SVG and rasterised by
 * sharp with the system's CJK font (fonts-noto-cjk).
 */
import sharp from 'sharp';

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
/** Characters per line at the title size: 1200 px minus margins, at 88 px a character. */
const PER_LINE = 11;
const MAX_LINES = 4;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Cuts the title into lines of at most `PER_LINE` characters, evenly, so no line holds a single
 * character; at most `MAX_LINES` lines, the last one ending in "…" when the title is longer.
 * @example shareLines('X镇整改进展公开') // ['X镇整改进展公开']
 */
export function shareLines(title: string): string[] {
  const chars = [...title.trim()];
  const count = Math.min(MAX_LINES, Math.ceil(chars.length / PER_LINE));
  const size = Math.ceil(chars.length / count);
  const lines = Array.from({ length: count }, (_, i) => chars.slice(i * size, (i + 1) * size).join(''));
  if (chars.length > MAX_LINES * PER_LINE) lines[MAX_LINES - 1] = `${[...lines[MAX_LINES - 1]!].slice(0, PER_LINE - 1).join('')}…`;
  return lines;
}

/** The SVG of the share picture: the title, centred, white on the site's red. */
export function shareSvg(title: string): string {
  const lines = shareLines(title);
  const size = lines.length > 2 ? 72 : 88;
  const lineHeight = size * 1.3;
  const top = SHARE_HEIGHT / 2 - ((lines.length - 1) * lineHeight) / 2;
  const text = lines
    .map((line, i) => `<text x="600" y="${top + i * lineHeight}" dominant-baseline="middle">${escapeXml(line)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}">
<rect width="100%" height="100%" fill="#a61f1a"/>
<g fill="#ffffff" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-weight="700" font-size="${size}" text-anchor="middle">${text}</g>
</svg>`;
}

/** The share picture as PNG bytes (copied out of sharp's Buffer, so a Response takes them). */
export async function sharePng(title: string): Promise<Uint8Array<ArrayBuffer>> {
  const png = await sharp(Buffer.from(shareSvg(title)))
    .png({ compressionLevel: 9 })
    .toBuffer();
  return Uint8Array.from(png);
}
