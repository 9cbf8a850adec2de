/**
 * The manifest on its own (the build writes it last, in src/release/release.ts): manifest.sha256,
 * routes.txt and smoke.txt for a dist/ folder.
 *
 *   node scripts/manifest.ts [dist]
 */
import { resolve } from 'node:path';
import { writeManifest } from '../src/release/release.ts';

const { files, pages } = writeManifest(resolve(process.argv[2] ?? 'dist'), resolve(import.meta.dirname, '..'));
console.log(`manifest: ${files} files, ${pages} pages`);
