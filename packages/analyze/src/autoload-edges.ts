import { posix } from 'node:path';
import type { Edge } from '@seams/graph';
import type { Autoload } from './entry-points/types.ts';
import type { ImportFact } from './facts.ts';

/*
 * @fastify/autoload (v4-v6 defaults) loads, under its `dir`, every script file of the folder and of its
 * sub-folders, except in a folder holding an `index` file, which is loaded alone of that folder's files (the others
 * are the plugin's own); the folder's sub-folders are still loaded. A plugin's prefix is autoload's `options.prefix`
 * and, unless `dirNameRoutePrefix: false`, the names of the sub-folders it lies in, a `_name` folder standing for
 * the parameter `:name`.
 */

const SCRIPT = /\.(?:[cm]?[jt]s)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const INDEX = /^index\.[cm]?[jt]s$/;

/**
 * The plugin files `autoloads` of the file `from` load, among `files` (root-relative paths), as module
 * references (`./routes/users/index.js`) the resolver links like a dynamic import; sorted, so the edges do not
 * depend on file order.
 */
export function autoloadImports(from: string, autoloads: readonly Autoload[], files: Iterable<string>): ImportFact[] {
  if (autoloads.length === 0) return [];
  const here = posix.dirname(from);
  const dirs = autoloads.map((load) => ({ load, dir: posix.join(here, load.dir) }));
  const found: ImportFact[] = [];
  const all = [...files];
  const indexed = new Set(all.filter((file) => INDEX.test(posix.basename(file))).map((file) => posix.dirname(file)));
  for (const file of all) {
    if (!SCRIPT.test(file) || DECLARATION.test(file)) continue;
    for (const { load, dir } of dirs) {
      if (!file.startsWith(`${dir}/`) || !isLoaded(file, indexed)) continue;
      const specifier = posix.relative(here, file);
      found.push({
        specifier: specifier.startsWith('.') ? specifier : `./${specifier}`,
        kind: 'dynamic',
        names: ['*'],
        line: load.line,
      });
    }
  }
  return found.sort((a, b) => (a.specifier < b.specifier ? -1 : a.specifier > b.specifier ? 1 : a.line - b.line));
}

// Loaded unless the file's own folder (`dir` included) holds an index file that is not this one: an index above
// it does not stop autoload going down (fastify/demo's `routes/api/index.ts` above `routes/api/auth/index.ts`).
function isLoaded(file: string, indexed: ReadonlySet<string>): boolean {
  return !indexed.has(posix.dirname(file)) || INDEX.test(posix.basename(file));
}

/**
 * The prefixes the autoloaded plugins of the file `from` serve under, as mounts of the specifiers
 * `autoloadImports` made (found among `from`'s edges).
 */
export function autoloadMounts(
  from: string,
  autoloads: readonly Autoload[],
  edges: readonly Edge[],
): Array<{ prefix: string; specifier: string; line: number }> {
  const here = posix.dirname(from);
  const mounts: Array<{ prefix: string; specifier: string; line: number }> = [];
  for (const edge of edges) {
    if (edge.from !== from || edge.kind !== 'dynamic') continue;
    for (const load of autoloads) {
      const dir = posix.join(here, load.dir);
      if (!edge.to.startsWith(`${dir}/`)) continue;
      const folders = posix
        .dirname(posix.relative(dir, edge.to))
        .split('/')
        .filter((name) => name !== '.');
      const named = load.dirNamePrefix
        ? folders.map((name) => (name.startsWith('_') ? `:${name.slice(1)}` : name))
        : [];
      mounts.push({ prefix: [load.prefix, ...named].join('/'), specifier: edge.specifier, line: load.line });
    }
  }
  return mounts;
}
