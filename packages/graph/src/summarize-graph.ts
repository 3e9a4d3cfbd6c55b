import { findCycles, shortestCycles } from './find-cycles.ts';
import { EDGE_KINDS, type EdgeKind, type Graph } from './schema.ts';
import type { DataAccess, DataTable } from './data-schema.ts';
import type { History } from './history-schema.ts';

export interface GraphSummary {
  root: string;
  source: Graph['source'];
  files: number;
  declarationFiles: number;
  loc: number;
  edges: number;
  edgesByKind: Record<EdgeKind, number>;
  externals: { references: number; packages: number; builtins: number; top: Array<{ package: string; files: number }> };
  unresolved: {
    total: number;
    byReason: Record<string, number>;
    top: Array<{ specifier: string; reason: string; count: number; example: string }>;
  };
  /** The first `top` files that did not parse; `parseErrorCount` counts them all. */
  parseErrors: Array<{ path: string; line: number; message: string }>;
  parseErrorCount: number;
  /** `largest`: the biggest groups, each shown as its shortest loop `a -> b -> a`, with the group size. */
  cycles: { groups: number; files: number; largest: Array<{ files: number; loop: string[] }> };
  workspaces: number;
  /**
   * Present when the data detectors found tables: how many, reads and writes, which detectors saw them, how many a
   * model or schema declares.
   */
  data?: { tables: number; reads: number; writes: number; detectors: string[]; declared: number };
  /** Present when the graph carries git history: how much was read, and the pair most often changed together. */
  history?: {
    commits: number;
    skipped: number;
    since?: string;
    filesChanged: number;
    pairs: number;
    topPair?: { a: string; b: string; commits: number };
  };
  timings: Record<string, number>;
}

/** The numbers `seams analyze` prints: counts per kind, what did not resolve and why, cycles. */
export function summarizeGraph(graph: Graph, top = 10): GraphSummary {
  const edgesByKind = Object.fromEntries(EDGE_KINDS.map((kind) => [kind, 0])) as Record<EdgeKind, number>;
  for (const edge of graph.edges) edgesByKind[edge.kind]++;

  const filesPerPackage = new Map<string, Set<string>>();
  for (const ext of graph.externals) {
    let users = filesPerPackage.get(ext.package);
    if (!users) filesPerPackage.set(ext.package, (users = new Set()));
    users.add(ext.from);
  }
  const packages = [...filesPerPackage].map(([name, users]) => ({ package: name, files: users.size }));
  packages.sort((a, b) => b.files - a.files || a.package.localeCompare(b.package));

  const byReason: Record<string, number> = {};
  const bySpecifier = new Map<string, { specifier: string; reason: string; count: number; example: string }>();
  for (const item of graph.unresolved) {
    byReason[item.reason] = (byReason[item.reason] ?? 0) + 1;
    const key = `${item.reason}\0${item.specifier}`;
    const entry = bySpecifier.get(key);
    if (entry) entry.count++;
    else
      bySpecifier.set(key, {
        specifier: item.specifier,
        reason: item.reason,
        count: 1,
        example: `${item.from}:${item.line}`,
      });
  }
  const unresolvedTop = [...bySpecifier.values()].sort(
    (a, b) => b.count - a.count || a.specifier.localeCompare(b.specifier),
  );

  const cycles = findCycles(graph.edges);
  const largest = cycles.slice(0, 3);
  const loops = shortestCycles(graph.edges, largest);
  const accesses = (graph.data ?? []).filter((access) => !access.test);
  return {
    root: graph.root,
    source: graph.source,
    files: graph.files.length,
    declarationFiles: graph.files.filter((file) => file.dts).length,
    loc: graph.files.reduce((sum, file) => sum + file.loc, 0),
    edges: graph.edges.length,
    edgesByKind,
    externals: {
      references: graph.externals.length,
      packages: packages.filter((p) => !p.package.startsWith('node:')).length,
      builtins: packages.filter((p) => p.package.startsWith('node:')).length,
      top: packages.slice(0, top),
    },
    unresolved: { total: graph.unresolved.length, byReason, top: unresolvedTop.slice(0, top) },
    parseErrors: graph.parseErrors.slice(0, top).map(({ path, line, message }) => ({ path, line, message })),
    parseErrorCount: graph.parseErrors.length,
    cycles: {
      groups: cycles.length,
      files: cycles.reduce((sum, group) => sum + group.length, 0),
      largest: largest.map((group, i) => ({ files: group.length, loop: loops[i]! })),
    },
    workspaces: graph.workspaces.length,
    // Tables only tests touch are no part of the app's data.
    ...(accesses.length || graph.tables?.length ? { data: dataSummary(accesses, graph.tables ?? []) } : {}),
    ...(graph.history ? { history: historySummary(graph.history) } : {}),
    timings: graph.timings,
  };
}

function historySummary(history: History): NonNullable<GraphSummary['history']> {
  const top = history.cochange[0];
  return {
    commits: history.commits,
    skipped: history.skipped,
    ...(history.since ? { since: history.since } : {}),
    filesChanged: history.files.length,
    pairs: history.cochange.length,
    ...(top ? { topPair: top } : {}),
  };
}

function dataSummary(data: readonly DataAccess[], tables: readonly DataTable[]): NonNullable<GraphSummary['data']> {
  const writes = data.filter((access) => access.access === 'write').length;
  const names = new Set([...data.map((access) => access.table), ...tables.map((table) => table.name)]);
  const detectors = new Set([
    ...data.map((access) => access.detector),
    ...tables.flatMap((table) => table.models.map((model) => model.detector)),
  ]);
  return {
    tables: names.size,
    reads: data.length - writes,
    writes,
    detectors: [...detectors].sort(),
    declared: tables.filter((table) => table.models.length > 0).length,
  };
}
