import type { Edge } from '@seams/graph';

/** A file's own exports and its re-exports with their targets already resolved to files (null: not a file). */
export interface ExportTable {
  local: ReadonlySet<string>;
  named: ReadonlyMap<string, { target: string | null; importName: string }>;
  stars: ReadonlyArray<string | null>;
}

/** The file that really declares a name, and the name it exports it under ('*': the whole module, a namespace). */
interface Provided {
  file: string;
  name: string;
}

export interface BarrelTracer {
  /** Where `name` as exported by `file` is really declared, following re-export chains. */
  provider(file: string, name: string): Provided | undefined;
  /** Every name `file` exports, `export *` expanded; '*' stands for names forwarded from outside the graph. */
  exportedNames: (file: string) => string[];
}

// Name -> declaring file and its own name; null when the chain leaves the graph (a package, an unresolved module).
type ExportMap = Map<string, Provided | null>;

const OUTSIDE = '*';

/**
 * Builds each file's complete export map once, on first use, from its own names, its named
 * re-exports and the maps of its `export *` targets: every later lookup is a map read.
 */
export function createBarrelTracer(tables: ReadonlyMap<string, ExportTable>): BarrelTracer {
  const maps = new Map<string, ExportMap>();
  const building = new Set<string>();

  function exportMap(file: string): ExportMap {
    const cached = maps.get(file);
    if (cached) return cached;
    const table = tables.get(file);
    // Re-export cycles exist in real code (two barrels exporting * from each other): cut them.
    if (!table || building.has(file)) return new Map();
    building.add(file);
    const map: ExportMap = new Map();
    for (const name of table.local) map.set(name, { file, name });
    for (const [name, { target, importName }] of table.named) {
      if (target === null) map.set(name, null);
      // `export * as ns from`: the name stands for the target's whole module.
      else if (importName === '*') map.set(name, { file: target, name: '*' });
      // `export { default as Thing } from`: the declaring file exports `default`, whatever importers call it.
      else map.set(name, exportMap(target).get(importName) ?? null);
    }
    for (const star of table.stars) {
      if (star === null) {
        if (!map.has(OUTSIDE)) map.set(OUTSIDE, null);
        continue;
      }
      // Explicit exports win over star ones, and the first star providing a name wins.
      for (const [name, provider] of exportMap(star)) if (name !== 'default' && !map.has(name)) map.set(name, provider);
    }
    building.delete(file);
    maps.set(file, map);
    return map;
  }

  return {
    provider: (file, name) => exportMap(file).get(name) ?? undefined,
    exportedNames: (file) => [...exportMap(file).keys()].sort(),
  };
}

/**
 * For an edge into a barrel, which file really provides each imported name, and under which name that file exports
 * it when the barrel renamed it; empty when all come from the target itself.
 */
export function providersOf(
  edge: Pick<Edge, 'to' | 'names'>,
  tracer: BarrelTracer,
  tables: ReadonlyMap<string, ExportTable>,
): Pick<Edge, 'providers' | 'providedAs'> {
  const table = tables.get(edge.to);
  if (!table || (table.named.size === 0 && table.stars.length === 0)) return {};
  const found: Pick<Edge, 'providers' | 'providedAs'> = {};
  for (const name of edge.names) {
    if (name === '*') continue;
    const provided = tracer.provider(edge.to, name);
    if (!provided || provided.file === edge.to) continue;
    (found.providers ??= {})[name] = provided.file;
    if (provided.name !== name) (found.providedAs ??= {})[name] = provided.name;
  }
  return found;
}

/**
 * `logger.info()` after `const logger = require('./logger')` reads a member of the module's value, not an
 * export: on a require edge, a name the target does not export, when it exports a default, becomes `default`
 * (what an ESM `import logger from` records). Returns the names unchanged when nothing needs settling.
 */
export function settleRequireNames(edge: Pick<Edge, 'to' | 'kind' | 'names'>, tracer: BarrelTracer): string[] {
  if (edge.kind !== 'require' || edge.names.every((name) => name === '*')) return edge.names;
  const exported = new Set(tracer.exportedNames(edge.to));
  if (!exported.has('default') || exported.has(OUTSIDE)) return edge.names;
  const settled = [...new Set(edge.names.map((name) => (name === '*' || exported.has(name) ? name : 'default')))];
  return settled.length === edge.names.length && settled.every((name, i) => name === edge.names[i])
    ? edge.names
    : settled;
}
