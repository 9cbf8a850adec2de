/**
 * The one way tests and scripts start Chromium: Debian's `chromium` (Playwright's own download
 * does not work here), headless, without the background traffic a fresh profile makes (updates,
 * sync, field trials) that would skew byte counts and timings. CHROMIUM_PATH picks another
 * binary, for every caller alike. A missing browser is an error in Chinese, not a skip: CI
 * installs it (.ci/run).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** `--no-sandbox`: the tests run as root in CI containers, where Chromium's sandbox cannot start. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`找不到 Chromium（${CHROMIUM_PATH}）：请运行 apt-get install chromium，或设置 CHROMIUM_PATH`);
}

/** Chromium through playwright-core, for tests, screenshots and the page and screen benchmarks. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * The same browser for Lighthouse, which drives Chromium over a debugging port rather than
 * Playwright's pipe: started through chrome-launcher, as Lighthouse expects.
 */
export async function launchChromiumForLighthouse(): Promise<{ port: number; kill: () => void }> {
  requireChromium();
  const { launch } = await import('chrome-launcher');
  return launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
}
