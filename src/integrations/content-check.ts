/**
 * Runs the content checker before Astro builds, so `astro build` refuses content that
 * `npm run check` refuses (Astro itself only logs some problems, such as a reference to a
 * missing entry, and stops at the first schema error). In `astro dev` the report is printed
 * but the server keeps running, so the editor can fix files while previewing.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkProject, formatReport } from '../checker/index.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const result = checkProject(fileURLToPath(config.root));
        const report = formatReport(result);
        if (result.errors === 0) {
          logger.info(report.split('\n').at(-1)!);
          for (const line of report.split('\n').slice(0, -1)) logger.warn(line);
          return;
        }
        if (command === 'dev') {
          logger.error(`\n${report}`);
          return;
        }
        // The report goes to stderr as it is, so CI logs and editors see the same lines as npm run check.
        // Exiting rather than throwing: Astro prints a thrown error with its stack trace, which
        // tells an editor nothing and buries the report.
        process.stderr.write(`${report}\n`);
        process.stderr.write(`内容检查未通过（${result.errors} 个错误），已停止构建。请按上面列出的文件、行号和字段逐条修改。\n`);
        process.exit(1);
      },
    },
  };
}
