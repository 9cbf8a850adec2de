/**
 * The build's content checker, in a worker thread (src/integrations/content-check.ts): the same
 * checkProject as `npm run check`, answering with the error count and the report to print.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkProject, formatReport } from '../checker/index.ts';

const result = checkProject((workerData as { root: string }).root);
parentPort!.postMessage({ errors: result.errors, report: formatReport(result) });
