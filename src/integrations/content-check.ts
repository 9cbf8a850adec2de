/**
 * Runs the content checker as Astro builds, so `astro build` refuses content that
 * `npm run check` refuses (Astro itself only logs some problems, such as a reference to a
 * missing entry, and stops at the first schema error). In a build the checker runs in a worker
 * thread while Astro syncs the collections (at 2,000 entries each took about 6 s, one after the
 * other); the build waits for its verdict before Vite bundles anything, and a collection that
 * fails to load waits for it too (src/loaders/after-check.ts), so an editor still reads the
 * checker's Chinese report rather than Astro's error.
 *
 * In `astro dev` the checker keeps running: every change under src/content, data or public/
 * re-runs it (the whole project takes a fraction of a second, so whatever refers to the
 * changed file is checked too) and prints the same `path:line  field  message` lines. While
 * the checker reports errors, pages are not served: the browser gets a Chinese page listing
 * the problems instead, so a mobile number typed into a page is never shown, not even locally.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkProject, formatIssue, formatReport, SCANNED_DIRS, type CheckResult, type Issue } from '../checker/index.ts';
import { CHECK_VERDICT } from '../loaders/after-check.ts';

/** Changes arriving within this many milliseconds (an editor saving several files) are checked once. */
const SETTLE_MS = 150;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page served instead of any page while the checker reports errors. */
export function blockedPage(result: CheckResult): string {
  const errors = result.issues.filter((i) => i.severity === 'error');
  const items = errors.map((i) => `<li><code>${escapeHtml(formatIssue(i))}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>内容检查未通过</title>
<style>body{font:18px/1.6 system-ui,sans-serif;margin:0;background:#fff5f5;color:#3b0a0a}main{max-width:60rem;margin:auto;padding:1.5rem}h1{color:#a30000;font-size:1.5rem}code{white-space:pre-wrap;word-break:break-all;font-size:16px}li{margin:.5rem 0}</style>
<script type="module" src="/@vite/client"></script>
</head><body><main id="content-check-overlay">
<h1>内容检查未通过：${errors.length} 个错误</h1>
<p>这些内容改好之前，预览不显示任何页面（以免个人信息等不该公开的内容出现在页面上）。请按文件、行号和字段逐条修改，保存后本页自动刷新。</p>
<ol>
${items}
</ol>
</main></body></html>
`;
}

const issueKey = (i: Issue) => formatIssue(i);

/**
 * The lines printed after a change: the problems in the changed files and any problem that is
 * new elsewhere (a reference the change broke), then the summary; problems that went away are
 * not repeated, the summary says how many remain.
 */
export function changeReport(previous: CheckResult, next: CheckResult, changed: readonly string[]): string[] {
  const before = new Set(previous.issues.map(issueKey));
  const shown = next.issues.filter((i) => changed.includes(i.file) || !before.has(issueKey(i)));
  const summary = formatReport({ ...next, issues: [] });
  return [...shown.map(formatIssue), summary];
}

function print(logger: AstroIntegrationLogger, result: CheckResult, lines: readonly string[]) {
  if (result.errors > 0) logger.error(`\n${lines.join('\n')}`);
  else if (lines.length > 1) logger.warn(`\n${lines.join('\n')}`);
  else logger.info(lines[0]!);
}

interface Verdict {
  errors: number;
  report: string;
}

/** The checker over the project at `root`, in a worker thread. */
function checkInWorker(root: string): Promise<Verdict> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./content-check-worker.ts', import.meta.url), { workerData: { root } });
    worker.once('message', (verdict: Verdict) => {
      resolve(verdict);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`检查程序意外退出（代码 ${code}）`)));
  });
}

/**
 * Prints the verdict: the summary and warnings when it passes; otherwise the whole report on
 * stderr, as it is, so CI logs and editors see the same lines as npm run check, and the build
 * ends. Exiting rather than throwing: Astro prints a thrown error with its stack trace, which
 * tells an editor nothing and buries the report.
 */
function report(verdict: Verdict, logger: AstroIntegrationLogger): void {
  if (verdict.errors === 0) {
    const lines = verdict.report.split('\n');
    logger.info(lines.at(-1)!);
    for (const line of lines.slice(0, -1)) logger.warn(line);
    return;
  }
  process.stderr.write(`${verdict.report}\n`);
  process.stderr.write(`内容检查未通过（${verdict.errors} 个错误），已停止构建。请按上面列出的文件、行号和字段逐条修改。\n`);
  process.exit(1);
}

export default function contentCheck(): AstroIntegration {
  let root = '';
  let latest: CheckResult | undefined;
  let verdict: Promise<void> | undefined;
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        root = fileURLToPath(config.root);
        if (command === 'build') {
          verdict = checkInWorker(root).then(
            (v) => report(v, logger),
            (error: unknown) => {
              process.stderr.write(`内容检查无法完成，已停止构建：${error instanceof Error ? error.message : String(error)}\n`);
              process.exit(1);
            },
          );
          (globalThis as Record<symbol, unknown>)[CHECK_VERDICT] = verdict;
          return;
        }
        const result = checkProject(root);
        latest = result;
        if (result.errors === 0) report({ errors: 0, report: formatReport(result) }, logger);
        else logger.error(`\n${formatReport(result)}`);
      },
      // Nothing is bundled or rendered before the checker has passed.
      'astro:build:start': async () => {
        await verdict;
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!root) return;
        const watched = SCANNED_DIRS.map((dir) => `${dir}/`);
        const pending = new Set<string>();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = () => {
          timer = undefined;
          const changed = [...pending];
          pending.clear();
          const previous = latest ?? checkProject(root);
          const next = checkProject(root);
          latest = next;
          print(logger, next, changeReport(previous, next, changed));
          // Open pages reload, so they show the problems (or the fixed page) without a click.
          server.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('all', (_event, path) => {
          const file = relative(root, path).split(sep).join('/');
          if (!watched.some((dir) => file.startsWith(dir))) return;
          pending.add(file);
          if (timer) clearTimeout(timer);
          timer = setTimeout(recheck, SETTLE_MS);
        });
        // Registered here, before Astro's own handler, so no page is rendered while errors remain.
        // Vite's own modules and assets still load, so the page below can reload itself.
        server.middlewares.use((req, res, next) => {
          const wantsPage =
            req.method === 'GET' && (req.headers['sec-fetch-dest'] === 'document' || (req.headers.accept ?? '').includes('text/html'));
          // The editor at /admin/ stays open: it is where the problems get fixed.
          if (!latest || latest.errors === 0 || !wantsPage || (req.url ?? '').startsWith('/admin/')) return next();
          res.statusCode = 500;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(blockedPage(latest));
        });
      },
    },
  };
}
