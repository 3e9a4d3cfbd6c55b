import type { Edge, External, FileNode, Unresolved, UseCase } from '@seams/graph';

export interface ForeignParts {
  files: FileNode[];
  edges: Edge[];
  externals: External[];
  unresolved: Unresolved[];
  useCases?: UseCase[];
}

const LANGUAGE: Record<string, FileNode['language']> = {
  ts: 'ts',
  mts: 'ts',
  cts: 'ts',
  tsx: 'tsx',
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  jsx: 'jsx',
};

/** A file of a foreign graph: no facts beyond its path, so no lines of code or exports. */
function foreignFile(path: string): FileNode {
  const extension = path.slice(path.lastIndexOf('.') + 1);
  return {
    path,
    language: LANGUAGE[extension] ?? 'other',
    ...(/\.d\.[mc]?ts$/.test(path) ? { dts: true } : {}),
    loc: 0,
    exports: [],
  };
}

/**
 * Collects files and one edge per (from, to, kind); a repeated edge adds its weight (1 when absent) to the
 * first, since a call graph lists one line per call. `parts` is sorted by path on the way out, so the graph,
 * and every result computed from it, does not depend on the order the other tool wrote its nodes in.
 */
export interface Collector {
  file(path: string): void;
  edge(edge: Edge): void;
  externals: External[];
  unresolved: Unresolved[];
  /** Everything collected, in canonical order. */
  parts(): ForeignParts;
}

export function createCollector(): Collector {
  const files = new Map<string, FileNode>();
  const edges = new Map<string, Edge>();
  const externals: External[] = [];
  const unresolved: Unresolved[] = [];
  return {
    externals,
    unresolved,
    file(path) {
      if (!files.has(path)) files.set(path, foreignFile(path));
    },
    edge(edge) {
      const key = `${edge.from}\0${edge.to}\0${edge.kind}`;
      const seen = edges.get(key);
      if (seen) seen.weight = (seen.weight ?? 1) + (edge.weight ?? 1);
      else edges.set(key, { ...edge });
    },
    parts() {
      const bySite = (a: External | Unresolved, b: External | Unresolved) =>
        compare(a.from, b.from) || compare(a.specifier, b.specifier) || compare(a.kind, b.kind);
      return {
        files: [...files.values()].sort((a, b) => compare(a.path, b.path)),
        edges: [...edges.values()].sort(
          (a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.kind, b.kind),
        ),
        externals: [...externals].sort(bySite),
        unresolved: [...unresolved].sort(bySite),
      };
    },
  };
}

// Code-point order, not the locale's: the same on every machine.
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
