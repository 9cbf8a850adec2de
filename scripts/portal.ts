/**
 * npm run portal -- portal.yaml [--out DIR]
 *
 * Builds the county portal (portal/, an Astro site) over the member sites listed in portal.yaml:
 * each member's open-data feed is read from its address or its built dist/ folder. Writes the
 * portal to DIR (default dist-portal/). A mistake in portal.yaml is a Chinese line with its line
 * number and nothing is built; a member whose feed cannot be used is shown as such, not dropped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readPortalConfig } from '../src/portal/config.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface PortalBuild {
  status: number;
  output: string;
}

/** Builds the portal; returns the build's exit status and output (the CLI prints them). */
export function buildPortalSite(configFile: string, out: string, env: NodeJS.ProcessEnv = process.env): PortalBuild {
  const file = resolve(configFile);
  const { config, errors } = readPortalConfig(file);
  if (!config) return { status: 1, output: `${errors.join('\n')}\n汇总站配置有误，未构建。\n` };
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const work = mkdtempSync(join(ROOT, 'node_modules/.cache/portal-build-'));
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', join(ROOT, 'portal')], {
    // Astro writes its prerender bundle to <cwd>/.astro/ when the output folder is elsewhere: each
    // build gets its own working folder, or two builds at once would overwrite each other's. It is
    // inside the project so the bundle finds node_modules.
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...env,
      ASTRO_TELEMETRY_DISABLED: env['ASTRO_TELEMETRY_DISABLED'] ?? '1',
      PORTAL_CONFIG: file,
      PORTAL_OUT: resolve(out),
      ...(config.url ? { PORTAL_URL: config.url } : {}),
    },
  });
  rmSync(work, { recursive: true, force: true });
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: join(ROOT, 'dist-portal') } },
  });
  const [configFile] = positionals;
  if (!configFile) {
    console.error('用法：npm run portal -- portal.yaml [--out 输出文件夹]');
    process.exit(2);
  }
  const { status, output } = buildPortalSite(configFile, values.out);
  process.stdout.write(output);
  if (status === 0) console.log(`汇总站已构建到 ${resolve(values.out)}`);
  process.exitCode = status;
}
