/**
 * What an image file really is, from its first bytes (its "magic number"), so a text file or a
 * script renamed to `.jpg` is refused before astro:assets tries to decode it.
 */
export type ImageType = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

const EXTENSION_TYPES: Readonly<Record<string, ImageType>> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
};

/** The file extensions of pictures the site takes (no SVG: it can carry scripts). */
export const IMAGE_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_TYPES);

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * The image type the bytes carry, or `undefined` for anything else (text, SVG, PDF…).
 * @example imageTypeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) // 'png'
 */
export function imageTypeOf(bytes: Uint8Array): ImageType | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(bytes, 8, 12))) return 'avif';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  return undefined;
}

/**
 * The type a file name promises, or `undefined` when the extension is not an accepted picture.
 * @example imageTypeOfName('a.JPG') // 'jpeg'
 */
export function imageTypeOfName(name: string): ImageType | undefined {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  return Object.prototype.hasOwnProperty.call(EXTENSION_TYPES, extension) ? EXTENSION_TYPES[extension] : undefined;
}
