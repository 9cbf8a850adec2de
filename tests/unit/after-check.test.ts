/**
 * While the build's checker runs beside Astro's content sync, a collection that fails to load
 * waits for the checker's verdict (which ends the build with the Chinese report), so Astro's own
 * error never comes first; a collection that loads does not wait.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Loader } from 'astro/loaders';
import { afterContentCheck, CHECK_VERDICT } from '../../src/loaders/after-check.ts';

const slot = globalThis as Record<symbol, unknown>;
afterEach(() => {
  delete slot[CHECK_VERDICT];
});

const loader = (fail: boolean): Loader => ({
  name: 'test',
  load: async () => {
    if (fail) throw new Error('Astro: data does not match collection schema');
  },
});
// load() takes Astro's loader context; these loaders read nothing from it.
const context = {} as Parameters<Loader['load']>[0];

describe('afterContentCheck', () => {
  it('lets a failing collection fail only after the checker has given its verdict', async () => {
    const order: string[] = [];
    let give!: () => void;
    slot[CHECK_VERDICT] = new Promise<void>((resolve) => {
      give = resolve;
    }).then(() => order.push('verdict'));
    const loading = afterContentCheck(loader(true))
      .load(context)
      .catch((error: Error) => order.push(error.message));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    give();
    await loading;
    expect(order).toEqual(['verdict', 'Astro: data does not match collection schema']);
  });

  it('does not wait when the collection loads', async () => {
    slot[CHECK_VERDICT] = new Promise(() => undefined);
    await expect(afterContentCheck(loader(false)).load(context)).resolves.toBeUndefined();
  });

  it('passes the error on at once when no checker runs (a build without it)', async () => {
    await expect(afterContentCheck(loader(true)).load(context)).rejects.toThrow(/collection schema/);
  });
});
