import type { Edge, External, FileNode, Unresolved } from '@seams/graph';

export interface ForeignParts {
  files: FileNode[];
  edges: Edge[];
  externals: External[];
  unresolved: Unresolved[];
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
export function foreignFile(path: string): FileNode {
  const extension = path.slice(path.lastIndexOf('.') + 1);
  return {
    path,
    language: LANGUAGE[extension] ?? 'other',
    ...(/\.d\.[mc]?ts$/.test(path) ? { dts: true } : {}),
    loc: 0,
    exports: [],
  };
}

/** Collects files in first-seen order and one edge per (from, to, kind). */
export function createCollector(): { parts: ForeignParts; file(path: string): void; edge(edge: Edge): void } {
  const parts: ForeignParts = { files: [], edges: [], externals: [], unresolved: [] };
  const seenFiles = new Set<string>();
  const seenEdges = new Set<string>();
  return {
    parts,
    file(path) {
      if (seenFiles.has(path)) return;
      seenFiles.add(path);
      parts.files.push(foreignFile(path));
    },
    edge(edge) {
      const key = `${edge.from}\0${edge.to}\0${edge.kind}`;
      if (seenEdges.has(key)) return;
      seenEdges.add(key);
      parts.edges.push(edge);
    },
  };
}
