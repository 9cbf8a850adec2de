/**
 * Build step after Pagefind: adds /admin/ (the content editor) to dist/, so it is in no search
 * index and no sitemap. dist-gate.ts then checks its one script against its integrity hash.
 *
 *   node scripts/admin.ts [dist] [project root]
 */
import { resolve } from 'node:path';
import { writeAdmin } from '../src/lib/admin.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const root = resolve(process.argv[3] ?? '.');
const bytes = writeAdmin(root, dist);
console.log(`已加入内容编辑页 /admin/（${(bytes / 1024).toFixed(0)} KB，只在该地址下载，其他页面不受影响）`);
