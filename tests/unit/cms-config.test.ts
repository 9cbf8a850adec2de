/**
 * The /admin/ forms are generated from the schemas: the committed configuration is what a fresh
 * generation gives, it is valid for the pinned Sveltia CMS, and a schema's rules become the
 * form's widgets, required fields, options and hints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CMS_BACKEND_FILE, CMS_CONFIG_FILE, cmsConfig, cmsConfigYaml, collectionFields, labelOf } from '../../src/cli/cms-config.ts';
import { entryCollections, type EntryCollectionSpec } from '../../src/schemas/collections.ts';
import { calendarDate, hint, localDateTime, strict, text, unitRef } from '../../src/schemas/fields.ts';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

// The package exports no subpaths, so its shipped schema is read from where npm installs it.
const sveltiaSchema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/@sveltia/cms/schema/sveltia-cms.json'), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true }).compile(sveltiaSchema);

describe('generated CMS configuration', () => {
  it('is committed as generated (run npm run cms:config after changing a schema)', () => {
    expect(readFileSync(join(PROJECT_ROOT, CMS_CONFIG_FILE), 'utf8')).toBe(cmsConfigYaml());
  });

  it("validates against Sveltia's own schema, with the office's backend and with the test backend", () => {
    const office = parse(readFileSync(join(PROJECT_ROOT, CMS_BACKEND_FILE), 'utf8'));
    for (const backend of [office.backend, { name: 'test-repo' }]) {
      const ok = validate({ ...cmsConfig(), backend });
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('rejects a configuration Sveltia would not load (the validator is not a rubber stamp)', () => {
    const config = cmsConfig() as { collections: Record<string, unknown>[] };
    const broken = {
      ...config,
      backend: { name: 'test-repo' },
      collections: [{ ...config.collections[0], fields: [{ name: 'x', widget: 42 }] }],
    };
    expect(validate(broken)).toBe(false);
  });

  it('has one folder collection per content collection, with its fields in schema order', () => {
    const config = cmsConfig() as { collections: { name: string; folder: string; fields: { name: string }[] }[] };
    for (const spec of Object.values(entryCollections as Record<string, EntryCollectionSpec>)) {
      const collection = config.collections.find((c) => c.name === spec.name)!;
      expect(collection.folder).toBe(spec.dir);
      const keys = Object.keys(
        (z.toJSONSchema(spec.schema({ image: () => z.string() }), { io: 'input', unrepresentable: 'any' }) as { properties: object })
          .properties,
      );
      expect(collection.fields.map((f) => f.name).filter((n) => n !== 'body')).toEqual(keys);
    }
  });
});

describe('fields from a schema', () => {
  // A schema written for the test, as issue-style changes to the content model would add.
  const spec: EntryCollectionSpec = {
    name: 'tasks',
    label: '任务',
    dir: 'src/content/tasks',
    extensions: ['md'],
    schema: ({ image }) =>
      strict({
        title: text('任务名称，例如：开展主题党日'),
        kind: z.enum(['甲', '乙'], hint('任务类别：甲、乙 之一')),
        lead: unitRef.optional(),
        due: calendarDate('截止日期，格式 YYYY-MM-DD，例如 2026-12-31'),
        at: localDateTime().optional(),
        code: z.string(hint('代码，两位数字，例如 07')).regex(/^\d\d$/, hint('代码，两位数字，例如 07')),
        count: z.number(hint('次数，整数')).int().min(1).max(9),
        photo: image().optional(),
        steps: z.array(strict({ what: text('步骤说明，例如：通知到人') }), hint('步骤列表')).optional(),
      }),
  };
  const fields = Object.fromEntries(collectionFields(spec).map((f) => [f.name, f]));

  it('turns rules into widgets, options, ranges and patterns, with the Chinese rule as hint', () => {
    expect(fields['title']).toMatchObject({ widget: 'string', label: '任务名称', hint: '任务名称，例如：开展主题党日' });
    expect(fields['title']!['required']).toBeUndefined();
    expect(fields['kind']).toMatchObject({ widget: 'select', options: ['甲', '乙'], label: '任务类别' });
    expect(fields['lead']).toMatchObject({ widget: 'relation', collection: 'units', value_field: '{{slug}}', required: false });
    expect(fields['due']).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(fields['at']).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD HH:mm', required: false });
    expect(fields['code']).toMatchObject({ widget: 'string', pattern: ['^\\d\\d$', '代码，两位数字，例如 07'] });
    expect(fields['count']).toMatchObject({ widget: 'number', value_type: 'int', min: 1, max: 9 });
    expect(fields['photo']).toMatchObject({ widget: 'image', required: false });
    expect(fields['steps']).toMatchObject({
      widget: 'list',
      required: false,
      fields: [{ name: 'what', widget: 'string', label: '步骤说明' }],
    });
    expect(fields['body']).toMatchObject({ widget: 'markdown' });
  });

  it('labels a field by its rule, or by its name when the rule says nothing short', () => {
    expect(labelOf('记录日期，格式 YYYY-MM-DD', 'date')).toBe('记录日期');
    expect(labelOf(undefined, 'note')).toBe('note');
  });
});
