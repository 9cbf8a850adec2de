/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Through Astro's Vite config, so tests can import .astro components and astro:* modules.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The build-refusal test runs a real `astro build`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
