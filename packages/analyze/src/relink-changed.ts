import { isDeepStrictEqual } from 'node:util';
import type { Edge, FileNode, StepTimer } from '@seams/graph';
import { dataOf, entriesOf, modelsOf, type FileFacts } from './facts.ts';
import { reexportIndex } from './graph-cache-format.ts';
import type { GraphParts } from './graph-parts.ts';
import { linkFiles } from './link-files.ts';
import { createBarrelTracer, providersOf, settleRequireNames, type ExportTable } from './trace-barrels.ts';
import type { WorkspacePackage } from './workspaces.ts';

/**
 * The graph after some files' contents changed while the file list and the configuration did not:
 * how the other files resolve cannot have changed, so only the changed files are resolved again,
 * and barrels are re-traced only where a changed file is re-exported.
 * Gives the same graph as a full run (tested).
 */
export async function relinkChanged(
  root: string,
  previous: GraphParts,
  changed: ReadonlyMap<string, FileFacts>,
  workspaces: WorkspacePackage[],
  irregularConfigs: readonly string[],
  step: StepTimer['step'],
): Promise<GraphParts> {
  const analysed = new Set(previous.files.map((f) => f.path));
  const warnings: string[] = [];
  const { resolverForFiles } = await import('./create-resolver.ts');
  const linked = step('resolve', () =>
    linkFiles(
      root,
      changed,
      resolverForFiles(root, workspaces, analysed, irregularConfigs, (message) => warnings.push(message)),
      analysed,
    ),
  );
  return step('trace', () => {
    // The cached tables, changed files' replaced: read from the cache, the others stay undecoded unless traced.
    const exportTables = previous.exportTables;
    for (const [file, table] of linked.exportTables) exportTables.set(file, table);
    const order = new Map(previous.files.map((f, i) => [f.path, i]));
    const edges = inFileOrder(order, previous.edges, linked.edges, changed);
    // Only files that re-export a changed file, directly or through other barrels, can provide differently.
    const affected = reexportersOf(exportTables, changed.keys());
    const tracer = createBarrelTracer(exportTables);
    edges.forEach((before, i) => {
      if (!affected.has(before.to) && !changed.has(before.from)) return;
      // A new record, not the cached one changed: the cache encodes again only the records it did not read.
      const { providers: _stale, providedAs: _staleNames, ...edge } = before;
      // An edge into a changed file keeps the names settled before (a member read that became an export
      // stays `default` until a full run): the raw names of unchanged files are not kept.
      edge.names = settleRequireNames(edge, tracer);
      const after = { ...edge, ...providersOf(edge, tracer, exportTables) };
      // Most edges into a barrel provide as before: the cached record is kept, and the cache copies its row.
      if (!isDeepStrictEqual(after, before)) edges[i] = after;
    });
    const files: FileNode[] = previous.files.map((node) => {
      if (!affected.has(node.path)) return node;
      const facts = changed.get(node.path);
      const fresh = facts
        ? { path: node.path, language: facts.language, ...(facts.dts ? { dts: true } : {}), loc: facts.loc }
        : { path: node.path, language: node.language, ...(node.dts ? { dts: true } : {}), loc: node.loc };
      const after = {
        ...fresh,
        exports: tracer.exportedNames(node.path),
        ...(node.package ? { package: node.package } : {}),
      };
      return isDeepStrictEqual(after, node) ? node : after;
    });
    const parseErrors = previous.parseErrors.filter((e) => !changed.has(e.path));
    for (const [path, facts] of changed)
      if (facts.error) parseErrors.push({ path, message: facts.error.message, line: facts.error.line });
    parseErrors.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
    return {
      parseErrors,
      files,
      edges,
      externals: inFileOrder(order, previous.externals, linked.externals, changed),
      unresolved: inFileOrder(order, previous.unresolved, linked.unresolved, changed),
      workspaces: previous.workspaces,
      data: inFileOrder(order, previous.data ?? [], dataOf(changed), changed),
      models: inFileOrder(order, previous.models ?? [], modelsOf(changed), changed),
      entries: inFileOrder(order, previous.entries ?? [], entriesOf(changed), changed),
      // Warnings come from resolving; those of unchanged files still hold.
      warnings: [...new Set([...previous.warnings, ...warnings])],
      exportTables,
    };
  });
}

// The changed files and every file whose export map reaches one of them through re-exports (a file listed twice for
// one target is only looked at twice).
function reexportersOf(tables: ReadonlyMap<string, ExportTable>, changed: Iterable<string>): Set<string> {
  const reexporters = reexportIndex(tables);
  const affected = new Set(changed);
  const queue = [...affected];
  while (queue.length > 0) {
    for (const file of reexporters.get(queue.pop()!) ?? []) {
      if (!affected.has(file)) {
        affected.add(file);
        queue.push(file);
      }
    }
  }
  return affected;
}

// Entries of changed files replaced by their new ones, in the order a full run lists them: by file. Both lists
// are in file order already (each run links files in that order), so each changed file's block of old entries is
// found by binary search and the runs between them are copied whole: looking at every one of 57k cached edges
// (records of a dozen shapes) cost ~10-20 ms.
function inFileOrder<T extends Pick<Edge, 'from'>>(
  order: ReadonlyMap<string, number>,
  before: readonly T[],
  after: readonly T[],
  changed: ReadonlyMap<string, unknown>,
): T[] {
  const positionOf = (entry: T) => order.get(entry.from) ?? -1;
  // The first entry of `before` from `lo` on whose file comes at or after position `at`.
  const firstAt = (at: number, lo: number) => {
    let hi = before.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (positionOf(before[mid]!) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const positions = [...changed.keys()]
    .map((file) => order.get(file))
    .filter((at) => at !== undefined)
    .sort((a, b) => a - b);
  // Runs of old entries and the new entries between them, joined at the end (one copy).
  const pieces: T[][] = [];
  let kept = 0;
  let next = 0;
  const fresh = (upTo: number) => {
    const piece: T[] = [];
    // Entries of files the graph does not have are left out.
    for (; next < after.length && positionOf(after[next]!) <= upTo; next++)
      if (order.has(after[next]!.from)) piece.push(after[next]!);
    pieces.push(piece);
  };
  for (const at of positions) {
    const start = firstAt(at, kept);
    pieces.push(before.slice(kept, start));
    fresh(at);
    kept = firstAt(at + 1, start);
  }
  pieces.push(before.slice(kept));
  fresh(Infinity);
  return ([] as T[]).concat(...pieces);
}
