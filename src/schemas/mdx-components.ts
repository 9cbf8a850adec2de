/**
 * The components editors may use in `.mdx` without importing them (the pages pass them to MDX),
 * with the attributes each accepts. Attribute values are plain strings: `{expressions}` run code
 * at build time and are refused by the checker.
 */
export interface ComponentAttribute {
  required: boolean;
  /** Allowed values; any text when absent. */
  values?: readonly string[];
  /** The value is the id of an entry in this collection (checked like any other reference). */
  refersTo?: 'measures' | 'units' | 'areas';
  /** For editors, in messages and the editing guide. */
  description: string;
}

export const MDX_COMPONENTS: Readonly<Record<string, Readonly<Record<string, ComponentAttribute>>>> = {
  /** 提示框: a highlighted box for a key point. */
  Callout: {
    type: { required: false, values: ['提示', '注意', '要求'], description: '类型：提示、注意 或 要求，默认 提示' },
    title: { required: false, description: '标题，可省略' },
  },
  /** 措施链接: a link to a measure that shows its number, title and current status. */
  MeasureLink: {
    id: { required: true, refersTo: 'measures', description: '措施编号，例如 3-1' },
  },
};
