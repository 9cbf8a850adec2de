/**
 * The build runs the content checker in a worker thread while Astro syncs the collections
 * (src/integrations/content-check.ts), so the two no longer run one after the other. What an
 * editor reads must not change with it: when a collection fails to load (a schema error, a
 * broken frontmatter) Astro would print its own English error, so a failing loader first waits
 * for the checker, which ends the build with its Chinese `path:line  field  message` report when
 * it finds the mistake (it checks everything Astro checks). Only if it finds nothing does
 * Astro's error go on.
 */
import type { Loader } from 'astro/loaders';

/** Where the build's checker leaves its pending verdict (one process: the config and the collections share globalThis). */
export const CHECK_VERDICT = Symbol.for('yishu.content-check.verdict');

/** The checker's verdict, once it has been reported; undefined when no checker runs (`astro dev`, or a build without it). */
export const pendingVerdict = (): Promise<unknown> | undefined =>
  (globalThis as Record<symbol, Promise<unknown> | undefined>)[CHECK_VERDICT];

/** `loader`, waiting for the checker's verdict before any error of its own is let through. */
export function afterContentCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      try {
        await loader.load(context);
      } catch (error) {
        await pendingVerdict();
        throw error;
      }
    },
  };
}
