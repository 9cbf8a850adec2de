/** Chromium (scripts/browser.ts, as for every script) against dist/ served on 127.0.0.1. */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.ts';
import { serveDist } from '../../scripts/serve-dist.ts';
import { DIST, requireDist } from './dist.ts';

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
  const browser = await launchChromium();
  const { server, url } = await serveDist(dist);
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
