/**
 * The Sveltia CMS configuration (/admin/), generated from the zod schemas in src/schemas, so the
 * forms ask for exactly what the checker accepts and follow every change to the schemas
 * (`npm run cms:config` rewrites it; a test fails when the committed file differs).
 *
 * Everything comes from public zod API: `z.toJSONSchema` gives the structure (types, required
 * fields, enumerations, patterns, number ranges) and each field's Chinese rule is the message the
 * schema itself gives for a wrong value, so labels and hints are the checker's own words.
 */
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { entryCollections, type EntryCollectionSpec } from '../schemas/collections.ts';
import { imageFile } from '../schemas/fields.ts';
import { refTarget } from '../schemas/references.ts';

type Json = Record<string, unknown>;
export type CmsField = Record<string, unknown> & { name: string; label: string; widget: string };

/** A value no schema accepts, so parsing it yields the field's own “what is allowed” message. */
const PROBE = Symbol('probe');
const CJK = /[\u4e00-\u9fff]/;

/** The Chinese rule a schema states when given a wrong value, if it states one. */
export function ruleOf(schema: z.ZodType): string | undefined {
  const result = schema.safeParse(PROBE);
  const message = result.success ? undefined : result.error.issues[0]?.message;
  return message && CJK.test(message) && !message.startsWith('这里应是一组') ? message : undefined;
}

/** The short label of a rule: its words before the first comma or colon. */
export function labelOf(rule: string | undefined, fallback: string): string {
  const head = rule?.split(/[，：。（,:]/)[0]?.trim();
  return head && head.length <= 16 ? head : fallback;
}

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/**
 * The kind of widget a schema needs beyond its JSON type, found by what it accepts: a calendar
 * date accepts 2026-01-02 but not 2026-02-30; a local time wants the hour too.
 */
function kindOf(schema: z.ZodType, json: Json): string | undefined {
  // A reference declares its collection on the field (schemas/fields.ts `ref`).
  const referenced = refTarget(schema);
  if (referenced) return `relation:${referenced}`;
  if (accepts(schema, '2026-01-02 08:00') && !accepts(schema, '2026-01-02')) return 'datetime';
  // A date that may also be a fixed word (待定) stays a text box, with the rule as its hint.
  if (members(json).some((m) => 'const' in m)) return undefined;
  if (accepts(schema, '2026-01-02') && !accepts(schema, '2026-02-30') && !accepts(schema, '')) {
    return accepts(schema, new Date(Date.UTC(2026, 0, 2))) ? 'date' : undefined;
  }
  return undefined;
}

/** The JSON schema of an entry schema, each node annotated with `x-rule` and `x-kind`. */
function annotatedJsonSchema(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
    override: (ctx) => {
      const zodSchema = ctx.zodSchema as unknown as z.ZodType;
      const json = ctx.jsonSchema as Json;
      const rule = ruleOf(zodSchema);
      if (rule) json['x-rule'] = rule;
      const kind = json['x-image'] ? 'image' : kindOf(zodSchema, json);
      if (kind) json['x-kind'] = kind;
    },
  }) as Json;
}

/** What a relation shows: the target collection's first required text field (its title or name). */
function displayField(collection: string): string {
  const spec = (entryCollections as Record<string, EntryCollectionSpec>)[collection]!;
  const json = annotatedJsonSchema(spec.schema({ image: imageFile }));
  const properties = (json['properties'] ?? {}) as Record<string, Json>;
  const required = (json['required'] ?? []) as string[];
  return required.find((key) => properties[key]?.['type'] === 'string') ?? '{{slug}}';
}

/** A JSON schema node without its annotation wrappers: a union of one real member is that member. */
function members(node: Json): Json[] {
  return ((node['anyOf'] ?? node['oneOf'] ?? []) as Json[]).filter((m) => Object.keys(m).length > 0);
}

function fieldOf(name: string, node: Json, required: boolean): CmsField {
  const rule = node['x-rule'] as string | undefined;
  const base: Json = { name, label: labelOf(rule, name) };
  if (rule) base['hint'] = rule;
  if (!required) base['required'] = false;
  return { ...base, ...widgetOf(node, rule) } as CmsField;
}

function widgetOf(node: Json, rule: string | undefined): Json & { widget: string } {
  const kind = node['x-kind'] as string | undefined;
  if (kind === 'image') return { widget: 'image', choose_url: false };
  if (kind === 'date') return { widget: 'datetime', format: 'YYYY-MM-DD', time_format: false };
  if (kind === 'datetime') return { widget: 'datetime', format: 'YYYY-MM-DD HH:mm' };
  if (kind?.startsWith('relation:')) {
    const collection = kind.slice('relation:'.length);
    const shown = displayField(collection);
    return {
      widget: 'relation',
      collection,
      value_field: '{{slug}}',
      search_fields: [shown === '{{slug}}' ? '{{slug}}' : shown],
      display_fields: shown === '{{slug}}' ? ['{{slug}}'] : [`{{slug}} ${`{{${shown}}}`}`],
    };
  }
  const type = node['type'];
  // `x-options`: a free-text field whose form offers fixed choices (see the record's status).
  const options =
    (node['x-options'] as unknown[] | undefined) ??
    (node['enum'] as unknown[] | undefined) ??
    (members(node).every((m) => 'const' in m) ? members(node).map((m) => m['const']) : undefined);
  if (options && options.length > 0) return { widget: 'select', options };
  if (type === 'boolean') return { widget: 'boolean' };
  if (type === 'integer' || type === 'number') {
    const widget: Json & { widget: string } = { widget: 'number', value_type: type === 'integer' ? 'int' : 'float' };
    if (typeof node['minimum'] === 'number') widget['min'] = node['minimum'];
    if (typeof node['maximum'] === 'number') widget['max'] = node['maximum'];
    return widget;
  }
  if (type === 'object') return { widget: 'object', fields: fieldsOf(node) };
  if (type === 'array') {
    const item = (node['items'] ?? {}) as Json;
    const inner = fieldOf('item', item, true);
    const list: Json = typeof node['minItems'] === 'number' ? { min: node['minItems'] } : {};
    if (inner.widget === 'relation' || inner.widget === 'select') {
      const { name: _n, label: _l, hint: _h, required: _r, ...rest } = inner;
      return { ...list, ...rest, widget: inner.widget, multiple: true } as Json & { widget: string };
    }
    if (inner.widget === 'object') return { ...list, widget: 'list', fields: inner['fields'] };
    return {
      ...list,
      widget: 'list',
      field: { ...inner, label: labelOf(item['x-rule'] as string | undefined, rule ? labelOf(rule, '项') : '项') },
    };
  }
  const widget: Json & { widget: string } = { widget: 'string' };
  if (typeof node['pattern'] === 'string' && rule) widget['pattern'] = [node['pattern'], rule];
  return widget;
}

function fieldsOf(node: Json): CmsField[] {
  const properties = (node['properties'] ?? {}) as Record<string, Json>;
  const required = new Set((node['required'] ?? []) as string[]);
  return Object.entries(properties).map(([key, value]) => fieldOf(key, value, required.has(key)));
}

/** A collection's fields, with the Markdown body last when its files have one. */
export function collectionFields(spec: EntryCollectionSpec): CmsField[] {
  // The image stand-in is marked, so the form offers an upload instead of a text box.
  const schema = spec.schema({ image: () => imageFile().meta({ 'x-image': true }) });
  const fields = fieldsOf(annotatedJsonSchema(schema));
  if (spec.extensions.some((e) => e === 'md' || e === 'mdx'))
    fields.push({ name: 'body', label: '正文', widget: 'markdown', required: false });
  return fields;
}

/**
 * The whole configuration except the backend, which the office sets once in backend.yml (the
 * forms are the same for a local clone, Gitea, GitHub or GitLab).
 */
export function cmsConfig(): Json {
  const collections = Object.values(entryCollections as Record<string, EntryCollectionSpec>).map((spec) => {
    const fields = collectionFields(spec);
    const hasBody = spec.extensions.some((e) => e === 'md' || e === 'mdx');
    const extension = spec.extensions[0]!;
    const dated = fields.some((f) => f.widget === 'datetime' && f['required'] !== false);
    const titled = fields.find((f) => f.widget === 'string' && f['required'] !== false);
    return {
      name: spec.name,
      label: spec.label,
      folder: spec.dir,
      extension,
      format: hasBody ? 'frontmatter' : 'yaml',
      create: true,
      // File names are entry ids and page addresses: dated entries get their date and time (the
      // checker orders same-day records by file name), others a name the editor types.
      slug: dated ? '{{year}}-{{month}}-{{day}}-{{hour}}{{minute}}{{second}}' : { editable: true },
      ...(titled ? { identifier_field: titled.name, summary: `{{${titled.name}}}` } : {}),
      // Images sit beside the entry and are written ./文件名, which is where the checker looks.
      ...(hasBody || fields.some((f) => f.widget === 'image') ? { media_folder: '', public_folder: '.' } : {}),
      fields,
    };
  });
  return {
    // The interface language follows the browser (Sveltia ships zh-CN); the title is the office's.
    app_title: '网站内容编辑',
    // Media live beside the entries (per collection above); the format asks for a global folder
    // too, which no collection here uses.
    media_folder: 'public/images',
    public_folder: '/images',
    publish_mode: 'simple',
    // An optional field left empty is left out, as the checker expects (an empty date is an error).
    output: { omit_empty_optional_fields: true },
    collections,
  };
}

/** Where the generated configuration is committed (served as /admin/config.yml). */
export const CMS_CONFIG_FILE = 'src/admin/config.yml';
/** The office's one-time backend settings, merged by Sveltia with the generated file. */
export const CMS_BACKEND_FILE = 'src/admin/backend.yml';

/** The generated configuration as the committed YAML file. */
export function cmsConfigYaml(): string {
  const header =
    '# 由 npm run cms:config 根据内容校验规则自动生成，请勿手工修改（改了也会被测试发现）。\n# 保存到哪个仓库在 backend.yml 里设置。\n';
  return header + stringify(cmsConfig(), { lineWidth: 0 });
}
