/**
 * The field reference of the editing guide, generated from the zod schemas themselves, so it
 * cannot drift from what the checker enforces (a test compares it with docs/字段说明.md).
 */
import type { z } from 'astro/zod';
import { entryCollections, tableCollections } from '../schemas/collections.ts';
import { imageFile } from '../schemas/fields.ts';

export interface FieldDoc {
  field: string;
  required: boolean;
  rule: string;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  error?: (issue: { input: unknown; code: string }) => unknown;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The rule written on a field (the message an editor sees), if any. */
function ruleOf(s: z.ZodType): string | undefined {
  const message = defOf(s).error?.({ input: null, code: 'custom' });
  return typeof message === 'string' ? message : undefined;
}

/**
 * Every field of a schema, nested fields as `parent.child`, list items as `list[].child`.
 * @example describeSchema(z.object({ a: z.string() }))[0]!.field // 'a'
 */
export function describeSchema(schema: z.ZodType, path: string[] = [], optional = false): FieldDoc[] {
  let s = schema;
  let isOptional = optional;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional' && def.innerType) {
      isOptional = true;
      s = def.innerType;
    } else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  const def = defOf(s);
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, value]) => describeSchema(value, [...path, key]));
  }
  if (def.type === 'array' && def.element && defOf(def.element).type === 'object') {
    return [
      { field: path.join('.'), required: !isOptional, rule: ruleOf(s) ?? '列表' },
      ...describeSchema(def.element, [...path.slice(0, -1), `${path.at(-1)}[]`]),
    ];
  }
  return [{ field: path.join('.'), required: !isOptional, rule: ruleOf(s) ?? (def.element ? (ruleOf(def.element) ?? '') : '') }];
}

const escape = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The whole field reference as Markdown. */
export function fieldReference(): string {
  const parts = [
    '# 字段说明',
    '',
    '本页由 `npm run docs:fields` 根据校验规则自动生成，请勿手工修改。每个字段的“说明”就是填错时检查程序给出的提示。',
    '',
  ];
  for (const spec of Object.values(entryCollections)) {
    parts.push(
      `## ${spec.label}（\`${spec.dir}/\`，${spec.extensions.map((e) => `.${e}`).join('、')}）`,
      '',
      '| 字段 | 必填 | 说明 |',
      '|---|---|---|',
    );
    for (const f of describeSchema(spec.schema({ image: imageFile })))
      parts.push(`| \`${f.field}\` | ${f.required ? '是' : '否'} | ${escape(f.rule)} |`);
    parts.push('');
  }
  for (const spec of Object.values(tableCollections)) {
    parts.push(`## ${spec.label}（\`${spec.path}\`，CSV）`, '', '| 列 | 必填 | 说明 |', '|---|---|---|');
    for (const f of describeSchema(spec.schema)) parts.push(`| \`${f.field}\` | ${f.required ? '是' : '否'} | ${escape(f.rule)} |`);
    parts.push('');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
