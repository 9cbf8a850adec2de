/**
 * node scripts/astro.ts dev|preview [flags]: runs the Astro CLI for `npm run dev`, `npm start`
 * and `npm run preview`, so that
 * - Astro's telemetry is off unless ASTRO_TELEMETRY_DISABLED is set otherwise (nothing of the
 *   office's machine is sent anywhere, and a machine without internet does not wait for it);
 * - stopping npm stops the server. npm passes SIGTERM to the shell running the script, and
 *   Debian's sh (dash) dies without passing it on: a server started straight from the script
 *   would keep its port. Here the server is a child of this process, which passes signals on
 *   and stops it as soon as it finds itself orphaned.
 * Written in Node rather than as `exec astro …` so that it works in Windows' cmd.exe too.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: process.env['ASTRO_TELEMETRY_DISABLED'] ?? '1' };
const server = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
for (const signal of SIGNALS) process.on(signal, () => server.kill(signal));

// The parent (npm's shell) is gone: nobody can stop the server any more but us.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid !== parent) server.kill('SIGTERM');
}, 500);

server.on('exit', (code, signal) => {
  clearInterval(watch);
  // A server stopped by a signal has done what was asked of it.
  process.exitCode = code ?? (signal ? 0 : 1);
});
