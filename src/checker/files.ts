/**
 * The project's files as the checker sees them: the tree on disk, with optional in-memory
 * overrides so tests can break one file at a time without copying the tree.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type Override = string | Uint8Array | null;

export class ProjectFiles {
  readonly root: string;
  readonly #overrides: ReadonlyMap<string, Override>;

  /** `overrides` maps project-relative paths (with `/`) to new contents, or `null` for a deleted file. */
  constructor(root: string, overrides: ReadonlyMap<string, Override> = new Map()) {
    this.root = root;
    this.#overrides = overrides;
  }

  /** Every file under `dir` (project-relative), sorted, as project-relative paths. */
  list(dir: string): string[] {
    const found = new Set<string>();
    const walk = (abs: string) => {
      if (!existsSync(abs)) return;
      for (const name of readdirSync(abs)) {
        if (name.startsWith('.')) continue;
        const child = join(abs, name);
        if (statSync(child).isDirectory()) walk(child);
        else found.add(relative(this.root, child).split(sep).join('/'));
      }
    };
    walk(join(this.root, dir));
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    for (const [path, content] of this.#overrides) {
      if (!path.startsWith(prefix)) continue;
      if (content === null) found.delete(path);
      else found.add(path);
    }
    return [...found].sort();
  }

  exists(path: string): boolean {
    const o = this.#overrides.get(path);
    if (o !== undefined) return o !== null;
    return existsSync(join(this.root, path));
  }

  bytes(path: string): Uint8Array {
    const o = this.#overrides.get(path);
    if (o === null) throw new Error(`${path} was deleted`);
    if (o !== undefined) return typeof o === 'string' ? new TextEncoder().encode(o) : o;
    return readFileSync(join(this.root, path));
  }

  text(path: string): string {
    const o = this.#overrides.get(path);
    if (typeof o === 'string') return o;
    return new TextDecoder('utf-8').decode(this.bytes(path)).replace(/^\uFEFF/, '');
  }
}
