import type { Edge } from '@seams/graph';

/** A file's own exports and its re-exports with their targets already resolved to files (null: not a file). */
export interface ExportTable {
  local: ReadonlySet<string>;
  named: ReadonlyMap<string, { target: string | null; importName: string }>;
  stars: ReadonlyArray<string | null>;
}

export interface BarrelTracer {
  /** The file that really declares `name` as exported by `file`, following re-export chains. */
  provider(file: string, name: string): string | undefined;
  /** Every name `file` exports, `export *` expanded; '*' stands for names forwarded from outside the graph. */
  exportedNames(file: string): string[];
}

export function createBarrelTracer(tables: ReadonlyMap<string, ExportTable>): BarrelTracer {
  const providers = new Map<string, string | undefined>();
  const names = new Map<string, string[]>();
  const inProgress = new Set<string>();

  function provider(file: string, name: string): string | undefined {
    const key = file + '\0' + name;
    if (providers.has(key)) return providers.get(key);
    // Re-export cycles exist in real code (two barrels exporting * from each other).
    if (inProgress.has(key)) return undefined;
    inProgress.add(key);
    const found = findProvider(file, name);
    inProgress.delete(key);
    providers.set(key, found);
    return found;
  }

  function findProvider(file: string, name: string): string | undefined {
    const table = tables.get(file);
    if (!table) return undefined;
    if (table.local.has(name)) return file;
    const named = table.named.get(name);
    if (named) {
      if (named.target === null) return undefined;
      return named.importName === '*' ? named.target : provider(named.target, named.importName);
    }
    if (name === 'default') return undefined;
    for (const star of table.stars) {
      const found = star === null ? undefined : provider(star, name);
      if (found) return found;
    }
    return undefined;
  }

  function exportedNames(file: string): string[] {
    const cached = names.get(file);
    if (cached) return cached;
    const table = tables.get(file);
    if (!table || inProgress.has(file)) return [];
    inProgress.add(file);
    const all = new Set([...table.local, ...table.named.keys()]);
    for (const star of table.stars) {
      if (star === null) all.add('*');
      else for (const name of exportedNames(star)) if (name !== 'default') all.add(name);
    }
    inProgress.delete(file);
    const result = [...all].sort();
    names.set(file, result);
    return result;
  }

  return { provider, exportedNames };
}

/** For an edge into a barrel, which file really provides each imported name; undefined when all come from the target itself. */
export function providersOf(edge: Pick<Edge, 'to' | 'names'>, tracer: BarrelTracer, tables: ReadonlyMap<string, ExportTable>): Record<string, string> | undefined {
  const table = tables.get(edge.to);
  if (!table || (table.named.size === 0 && table.stars.length === 0)) return undefined;
  let providers: Record<string, string> | undefined;
  for (const name of edge.names) {
    if (name === '*') continue;
    const found = tracer.provider(edge.to, name);
    if (found && found !== edge.to) (providers ??= {})[name] = found;
  }
  return providers;
}
