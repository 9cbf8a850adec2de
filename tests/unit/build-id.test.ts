import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/checker/privacy.ts';
import { buildId } from '../../src/data/build-id.ts';

describe('the build id (version.json, the screens’ data-build)', () => {
  it('is hex that the final gate reads as a hash, never as a phone number', () => {
    expect(buildId(resolve(import.meta.dirname, '../..'))).toMatch(/^b[0-9a-f]{15}$/);
    // An id of this project's earlier form that stopped a build: eleven leading digits read as a 手机号.
    expect(findPersonalData('<kiosk-screen data-build="19307164449e">').map((h) => h.kind)).not.toEqual([]);
    expect(findPersonalData('<kiosk-screen data-build="b19307164449e4f0">')).toEqual([]);
    expect(findPersonalData('{"build":"b193071644490000"}')).toEqual([]);
  });
});
