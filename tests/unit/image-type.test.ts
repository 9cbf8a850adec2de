import { describe, expect, it } from 'vitest';
import { imageTypeOf, imageTypeOfName } from '../../src/domain/image-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('imageTypeOf', () => {
  it('recognises each accepted picture by its first bytes', () => {
    expect(imageTypeOf(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(imageTypeOf(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe('png');
    expect(imageTypeOf(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(imageTypeOf(bytes([0, 0, 0, 0x1c], 'ftypavif'))).toBe('avif');
    expect(imageTypeOf(bytes('GIF89a'))).toBe('gif');
  });
  it('refuses text, SVG and empty files', () => {
    expect(imageTypeOf(bytes('这不是图片'.replace(/./g, 'x')))).toBeUndefined();
    expect(imageTypeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeUndefined();
    expect(imageTypeOf(new Uint8Array())).toBeUndefined();
  });
});

describe('imageTypeOfName', () => {
  it('maps accepted extensions in any case and nothing else', () => {
    expect(imageTypeOfName('a.JPG')).toBe('jpeg');
    expect(imageTypeOfName('a.jpeg')).toBe('jpeg');
    expect(imageTypeOfName('a.svg')).toBeUndefined();
    expect(imageTypeOfName('a.constructor')).toBeUndefined();
  });
});
