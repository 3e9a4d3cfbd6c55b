import { parseGraph, type Graph } from '@seams/graph';

/** A graph written by hand: files exporting `run`, imports of it, and whatever else a test adds (history, data). */
export function handGraph(
  files: readonly string[],
  imports: ReadonlyArray<readonly [string, string]>,
  extra: Partial<Pick<Graph, 'history' | 'data'>> = {},
): Graph {
  return parseGraph({
    version: 1,
    tool: { name: 'seams', version: '0.1.0' },
    source: 'seams',
    root: '/home/dev/shop',
    files: files.map((path) => ({ path, language: 'ts', loc: 20, exports: ['run'] })),
    edges: imports.map(([from, to]) => ({ from, to, kind: 'import', specifier: `./${to}`, line: 1, names: ['run'] })),
    externals: [],
    unresolved: [],
    parseErrors: [],
    workspaces: [],
    timings: {},
    ...extra,
  });
}
