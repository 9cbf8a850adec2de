import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSchema, fieldReference } from '../../src/cli/field-docs.ts';
import { measureSchema, updateSchema } from '../../src/schemas/index.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

describe('the field reference', () => {
  it('is docs/字段说明.md as the schemas generate it today (run npm run docs:fields after changing a schema)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'docs/字段说明.md'), 'utf8')).toBe(fieldReference());
  });

  it('lists every field with whether it is required and the message the checker prints', () => {
    expect(describeSchema(measureSchema).map((f) => [f.field, f.required])).toEqual([
      ['title', true],
      ['label', false],
      ['owners', false],
      ['leader', false],
      ['deadline', false],
      ['deadlineText', false],
      ['areas', false],
    ]);
    const status = describeSchema(updateSchema).find((f) => f.field === 'status')!;
    expect(status.required).toBe(false);
    expect(status.rule).toBe(updateSchema.safeParse({ status: 3 }).error!.issues.find((i) => i.path[0] === 'status')!.message);
  });
});
