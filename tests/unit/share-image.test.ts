/** The share picture is drawn from the settings' text at build time, whatever its length. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SHARE_HEIGHT, SHARE_WIDTH, shareLines, sharePng, shareSvg } from '../../src/domain/share-image.ts';

describe('shareLines', () => {
  it('keeps a short title on one line and cuts a long one evenly', () => {
    expect(shareLines('X镇整改进展公开')).toEqual(['X镇整改进展公开']);
    expect(shareLines('一二三四五六七八九十甲乙')).toEqual(['一二三四五六', '七八九十甲乙']);
    for (const line of shareLines('某'.repeat(30))) expect([...line].length).toBeLessThanOrEqual(11);
  });
  it('ends an over-long title with an ellipsis after four lines', () => {
    const lines = shareLines('长'.repeat(60));
    expect(lines).toHaveLength(4);
    expect(lines[3]!.endsWith('…')).toBe(true);
  });
});

describe('sharePng', () => {
  it('is a 1200×630 PNG of the given text, escaped', async () => {
    expect(shareSvg('A&B<C>')).toContain('A&amp;B&lt;C&gt;');
    const [a, b] = await Promise.all([sharePng('甲镇整改进展'), sharePng('乙镇整改进展')]);
    const meta = await sharp(Buffer.from(a)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', SHARE_WIDTH, SHARE_HEIGHT]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
