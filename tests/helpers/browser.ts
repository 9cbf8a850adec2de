/**
 * Debian's Chromium through playwright-core, against dist/ served on 127.0.0.1. A missing
 * browser is a failure, not a skip: CI installs it (.ci/run).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { serveDist } from '../../scripts/serve-dist.ts';
import { DIST, requireDist } from './dist.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export interface Harness {
  browser: Browser;
  server: Server;
  url: string;
  close: () => Promise<void>;
}

/** Chromium and a server for a built site: dist/ unless another build folder is given. */
export async function startHarness(dist: string = DIST): Promise<Harness> {
  if (dist === DIST) requireDist();
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请运行 apt-get install chromium，或设置 CHROMIUM_PATH`);
  const { server, url } = await serveDist(dist);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    server,
    url,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
