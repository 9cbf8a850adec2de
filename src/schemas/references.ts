/**
 * Finds the references in an entry's data by walking its schema: every field declared with
 * `ref(…, collection)` (fields.ts) is a reference, wherever it sits (a list, an object in a list,
 * an optional field). The walk reads the raw data, so the references of an entry that fails its
 * schema for another reason (an empty title) are still checked in the same run.
 */
import { z } from 'astro/zod';
import type { RefTarget } from './fields.ts';

export interface FoundReference {
  /** Where in the data, for the line and the field name: ['owners', 0]. */
  path: (string | number)[];
  collection: RefTarget;
  id: string;
}

/** The collection a schema node points into, when it is a reference field. */
export function refTarget(schema: z.ZodType): RefTarget | undefined {
  const meta = z.globalRegistry.get(schema) as { 'x-ref'?: RefTarget } | undefined;
  return meta?.['x-ref'];
}

/** Zod's own description of a node: its kind and the parts it is made of. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every reference in `data` that is well formed (a malformed one is the schema's error, not a
 * missing entry), in the order of the schema's fields.
 * @example referencesIn(updateSchema, { units: ['a-cun'] }) // [{ path: ['units', 0], collection: 'units', id: 'a-cun' }]
 */
export function referencesIn(schema: z.ZodType, data: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  const walk = (node: z.ZodType, value: unknown, path: (string | number)[]) => {
    if (value === undefined || value === null) return;
    const target = refTarget(node);
    if (target) {
      if (typeof value === 'string' && node.safeParse(value).success) found.push({ path, collection: target, id: value });
      return;
    }
    const def = defOf(node);
    switch (def.type) {
      case 'object':
        if (typeof value === 'object' && !Array.isArray(value)) {
          for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, (value as Record<string, unknown>)[key], [...path, key]);
        }
        return;
      case 'array':
        if (Array.isArray(value)) value.forEach((item, i) => walk(def.element!, item, [...path, i]));
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
      case 'nonoptional':
        walk(def.innerType!, value, path);
        return;
      case 'pipe':
        walk(def.in!, value, path);
        return;
      case 'union':
        // A reference inside a union is found through whichever member has one.
        for (const option of def.options ?? []) walk(option, value, path);
        return;
      default:
        return;
    }
  };
  walk(schema, data, []);
  // A union can lead to the same field twice.
  return found.filter((r, i) => found.findIndex((o) => o.id === r.id && o.path.join('.') === r.path.join('.')) === i);
}
