/**
 * The project's files as the checker sees them: the tree on disk, with optional in-memory
 * overrides so tests can break one file at a time without copying the tree.
 *
 * Symbolic links are listed but never followed: a link can point outside the project (its
 * target's text would be printed or published), at a missing file, or back at its own folder.
 * The checker reports each one instead (see `links`).
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type Override = string | Uint8Array | null;

export class ProjectFiles {
  readonly root: string;
  readonly #overrides: ReadonlyMap<string, Override>;
  /** Symbolic links met while listing, project-relative. */
  readonly links = new Set<string>();
  /** Files or folders that could not be read, with the system's reason. */
  readonly unreadable = new Map<string, string>();

  /** `overrides` maps project-relative paths (with `/`) to new contents, or `null` for a deleted file. */
  constructor(root: string, overrides: ReadonlyMap<string, Override> = new Map()) {
    this.root = root;
    this.#overrides = overrides;
  }

  #rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  /** Every regular file under `dir` (project-relative), sorted, as project-relative paths. */
  list(dir: string): string[] {
    const found = new Set<string>();
    const walk = (abs: string) => {
      let names: string[];
      try {
        names = readdirSync(abs).sort();
      } catch (error) {
        this.unreadable.set(this.#rel(abs), (error as NodeJS.ErrnoException).code ?? String(error));
        return;
      }
      for (const name of names) {
        if (name.startsWith('.')) continue;
        const child = join(abs, name);
        const stat = lstatSync(child, { throwIfNoEntry: false });
        if (!stat) continue;
        if (stat.isSymbolicLink()) this.links.add(this.#rel(child));
        else if (stat.isDirectory()) walk(child);
        else if (stat.isFile()) found.add(this.#rel(child));
      }
    };
    if (existsSync(join(this.root, dir))) walk(join(this.root, dir));
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    for (const [path, content] of this.#overrides) {
      if (!path.startsWith(prefix)) continue;
      if (content === null) found.delete(path);
      else found.add(path);
    }
    return [...found].sort();
  }

  /** Whether `path` is a regular file (a symbolic link is not). */
  exists(path: string): boolean {
    const o = this.#overrides.get(path);
    if (o !== undefined) return o !== null;
    return lstatSync(join(this.root, path), { throwIfNoEntry: false })?.isFile() ?? false;
  }

  /** Whether `path` is a symbolic link. */
  isLink(path: string): boolean {
    if (this.#overrides.has(path)) return false;
    return lstatSync(join(this.root, path), { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  }

  /** Size in bytes, without reading the file. */
  size(path: string): number {
    const o = this.#overrides.get(path);
    if (o === null) return 0;
    if (o !== undefined) return typeof o === 'string' ? Buffer.byteLength(o) : o.byteLength;
    return lstatSync(join(this.root, path)).size;
  }

  bytes(path: string): Uint8Array {
    const o = this.#overrides.get(path);
    if (o === null) throw new Error(`${path} was deleted`);
    if (o !== undefined) return typeof o === 'string' ? new TextEncoder().encode(o) : o;
    return readFileSync(join(this.root, path));
  }
}
