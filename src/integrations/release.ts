/**
 * Makes `astro build` give the complete release: after the pages are written, the search index,
 * /admin/, the final gate and the manifest (src/release/release.ts). A failed gate stops the build
 * with its Chinese report and no manifest, so deploy/deploy.sh refuses the release; the report is
 * the whole message, not a stack trace. Listed last, so the sitemap is written before the gate.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addAdmin, indexSearch, passGateOrExit, writeManifest } from '../release/release.ts';

export default function release(): AstroIntegration {
  let root = '';
  return {
    name: 'release',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const pages = await indexSearch(dist);
        logger.info(`搜索索引：${pages} 个页面`);
        const bytes = addAdmin(root, dist);
        logger.info(`已加入内容编辑页 /admin/（${(bytes / 1024).toFixed(0)} KB，只在该地址下载，其他页面不受影响）`);
        passGateOrExit(dist, root);
        logger.info('发布前检查通过：dist/ 中没有个人信息和可运行的内容。');
        const manifest = writeManifest(dist, root);
        logger.info(`manifest: ${manifest.files} files, ${manifest.pages} pages`);
      },
    },
  };
}
