/**
 * The final gate on its own (the build runs it in src/release/release.ts): scans every file in
 * dist/ and fails on any personal data or active content, naming the built file and the source
 * file an editor has to change.
 *
 *   node scripts/dist-gate.ts [dist] [project root]
 */
import { resolve } from 'node:path';
import { gateReport } from '../src/release/release.ts';

const lines = gateReport(resolve(process.argv[2] ?? 'dist'), resolve(process.argv[3] ?? '.'));
if (lines.length === 0) console.log('发布前检查通过：dist/ 中没有个人信息和可运行的内容。');
else {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exitCode = 1;
}
