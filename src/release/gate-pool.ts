/**
 * The final gate on every core: dist/'s files are shared out in batches among worker threads,
 * each running the same scan (scanFiles in dist-gate.ts) as the gate in one thread. At 2,000
 * entries the gate reads 6,000 pages; in one thread it was the build's longest step, and it can
 * run while Pagefind (a separate process) indexes the same pages. The workers also hash the
 * files for the manifest, which then reads only what they did not see.
 *
 * A worker that fails rejects the whole scan: a gate that could not look has not passed.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GateHit } from './dist-gate.ts';

/** Files per message: small enough to share the work out evenly, large enough that messages cost nothing. */
const BATCH = 200;

/** Workers to start: one per core, at most 4 (the gate also shares the machine with Pagefind). */
export const gateWorkers = (): number => Math.max(1, Math.min(availableParallelism(), 4));

/** What the pool found: the gate's hits in the order of the files, and each file's SHA-256. */
export interface PoolScan {
  hits: GateHit[];
  digests: Map<string, string>;
}

interface BatchResult {
  hits: GateHit[];
  digests: string[];
}

/** Scans `files` (dist-relative) of the site at `dist` in worker threads. */
export async function scanInWorkers(dist: string, files: readonly string[], workers = gateWorkers()): Promise<PoolScan> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  if (batches.length === 0) return { hits: [], digests: new Map() };
  const results = new Array<BatchResult>(batches.length);
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(new URL('./gate-worker.ts', import.meta.url)));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const send = () => {
              if (next >= batches.length) return resolve();
              current = next;
              next += 1;
              worker.postMessage({ dist, files: batches[current] });
            };
            worker.on('message', (result: BatchResult) => {
              results[current] = result;
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < batches.length || results[current] === undefined)
                reject(new Error(`发布前检查的工作线程意外退出（代码 ${code}）`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return {
    hits: results.flatMap((r) => r.hits),
    digests: new Map(batches.flatMap((batch, b) => batch.map((file, i) => [file, results[b]!.digests[i]!] as const))),
  };
}
