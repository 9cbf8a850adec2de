/**
 * Editors may name a unit or a metric in a CSV table by its id (`a-cun`) or by its name as it
 * appears in the plan (`X村党支部`); both resolve to the id.
 */

export interface Named {
  id: string;
  name: string;
}

/**
 * A function that finds the id of an entry by id or by exact name.
 * @example makeResolver([{ id: 'a-cun', name: 'A村党支部' }])('A村党支部') // 'a-cun'
 */
export function makeResolver(entries: readonly Named[]): (key: string) => string | undefined {
  const map = new Map<string, string>();
  for (const e of entries) {
    map.set(e.name.trim(), e.id);
    map.set(e.id, e.id);
  }
  return (key) => map.get(key.trim());
}
