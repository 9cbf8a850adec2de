/**
 * npm run cms:config: regenerates src/admin/config.yml (the forms of /admin/) from the
 * schemas. The backend (where the content is saved) is the office's own src/admin/backend.yml.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CMS_CONFIG_FILE, cmsConfigYaml } from '../src/cli/cms-config.ts';

const file = join(resolve(import.meta.dirname, '..'), CMS_CONFIG_FILE);
writeFileSync(file, cmsConfigYaml());
console.log(`已生成 ${file}`);
