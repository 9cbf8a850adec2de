/**
 * One worker of the final gate's pool (src/release/gate-pool.ts): scans the batches of dist/
 * files it is sent and answers each with its hits and the files' SHA-256 for the manifest. Plain Node (type stripping), so it imports
 * only files Node runs as they are.
 */
import { parentPort } from 'node:worker_threads';
import { fileDigest, scanFiles } from './dist-gate.ts';

parentPort!.on('message', ({ dist, files }: { dist: string; files: string[] }) => {
  parentPort!.postMessage({ hits: scanFiles(dist, files), digests: files.map((file) => fileDigest(dist, file)) });
});
