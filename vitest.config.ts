/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Many tests run the project's CLIs (new, import, report, astro build) as child processes, which
// inherit this: Node keeps their compiled modules between runs, and each start takes about half
// the time (2.3 s instead of 5.7 s, median of 5, for scripts/report.ts on this loaded machine).
process.env['NODE_COMPILE_CACHE'] ??= new URL('./node_modules/.cache/node-compile-cache', import.meta.url).pathname;

// One id per test run, which the workers inherit: test files that only read the display-screen
// fixture share its build (tests/helpers/kiosk-fixture.ts); the global teardown removes it.
process.env['YISHU_TEST_RUN'] ??= String(process.pid);

// Through Astro's Vite config, so tests can import .astro components and astro:* modules.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Only node_modules: the default list would also skip any test folder named like build output.
    exclude: ['**/node_modules/**'],
    // Two test files at a time, even on two cores (vitest's default there is one): most of the
    // slow files wait on another process (an `astro build`, Chromium, nginx) rather than compute
    // in the worker, and one at a time left a core idle for half the run.
    maxWorkers: 2,
    // The build-refusal test runs a real `astro build`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
