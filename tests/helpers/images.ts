/** Reading screenshots in tests: QR codes (jsQR) and how much light a screen gives. */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG screenshot, or undefined when none is found. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data;
}

/** Mean relative luminance of a PNG screenshot, 0 (black) to 1 (white), with the Rec. 709 weights. */
export function meanLuminance(png: Buffer): number {
  const { data } = PNG.sync.read(png);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
  return sum / (data.length / 4) / 255;
}

/** The brightest channel value (0–255) anywhere in a PNG screenshot: 0 for a black screen. */
export function brightest(png: Buffer): number {
  const { data } = PNG.sync.read(png);
  let max = 0;
  for (let i = 0; i < data.length; i += 4) max = Math.max(max, data[i]!, data[i + 1]!, data[i + 2]!);
  return max;
}
