/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Through Astro's Vite config, so tests can import .astro components and astro:* modules.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Only node_modules: the default list would also skip any test folder named like build output.
    exclude: ['**/node_modules/**'],
    // The build-refusal test runs a real `astro build`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
