/** npm run docs:fields: regenerates docs/字段说明.md from the schemas. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fieldReference } from '../src/cli/field-docs.ts';

const file = join(resolve(import.meta.dirname, '..'), 'docs/字段说明.md');
writeFileSync(file, fieldReference());
console.log(`已生成 ${file}`);
