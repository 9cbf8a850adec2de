/**
 * Copies what a build needs (sources, content, data, config) into `dest`, with node_modules
 * linked rather than copied, for the benchmark and the build tests that change content.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_PARTS = [
  'src',
  'data',
  'public',
  'scripts',
  'deploy',
  'docs',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

export function copyProject(root: string, dest: string): void {
  for (const part of PROJECT_PARTS) {
    if (existsSync(join(root, part))) cpSync(join(root, part), join(dest, part), { recursive: true });
  }
  linkModules(root, dest);
}

/**
 * Where Astro and Vite keep a build's caches (the content store, pre-bundled dependencies): in
 * node_modules, by default. Each copy gets its own, or two copies built at the same time (the
 * test files run side by side) would read and overwrite each other's content store.
 */
const BUILD_CACHES = new Set(['.astro', '.vite']);

/** Gives `dest` a node_modules of its own whose packages are links to those of `root`. */
export function linkModules(root: string, dest: string): void {
  mkdirSync(join(dest, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (!BUILD_CACHES.has(entry)) symlinkSync(join(root, 'node_modules', entry), join(dest, 'node_modules', entry));
  }
}
