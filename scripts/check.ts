/**
 * npm run check: validates all content and data and prints every problem, in Chinese.
 * Exit code 1 on any error, 0 otherwise (warnings do not fail).
 * Usage: node scripts/check.ts [project-root]
 */
import { resolve } from 'node:path';
import { checkProject, formatReport } from '../src/checker/index.ts';

const root = resolve(process.argv[2] ?? '.');
const result = checkProject(root);
console.log(formatReport(result));
process.exitCode = result.errors > 0 ? 1 : 0;
