/**
 * Copies what a build needs (sources, content, data, config) into `dest`, with node_modules
 * linked rather than copied, for the benchmark and the build tests that change content.
 */
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const PARTS = [
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
  for (const part of PARTS) {
    if (existsSync(join(root, part))) cpSync(join(root, part), join(dest, part), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dest, 'node_modules'));
}
