import { describe, expect, it } from 'vitest';
import { GRAPH_VERSION, summarizeGraph, type Graph } from '@seams/graph';

const graph: Graph = {
  version: GRAPH_VERSION,
  tool: { name: 'seams', version: 'test' },
  source: 'seams',
  root: '/shop',
  files: [
    { path: 'a.ts', language: 'ts', loc: 10, exports: ['a'] },
    { path: 'b.ts', language: 'ts', loc: 5, exports: [] },
    { path: 'types.d.ts', language: 'ts', dts: true, loc: 2, exports: ['T'] },
  ],
  edges: [
    { from: 'a.ts', to: 'b.ts', kind: 'import', specifier: './b', line: 1, names: ['b'] },
    { from: 'b.ts', to: 'a.ts', kind: 'type', specifier: './a', line: 1, names: ['A'] },
    { from: 'b.ts', to: 'types.d.ts', kind: 'type', specifier: './types', line: 2, names: ['T'] },
  ],
  externals: [
    {
      from: 'a.ts',
      specifier: 'node:fs',
      package: 'node:fs',
      builtin: true,
      kind: 'import',
      line: 2,
      names: ['readFileSync'],
    },
    {
      from: 'a.ts',
      specifier: 'lodash/map',
      package: 'lodash',
      builtin: false,
      kind: 'import',
      line: 3,
      names: ['default'],
    },
    { from: 'b.ts', specifier: 'lodash', package: 'lodash', builtin: false, kind: 'import', line: 3, names: ['map'] },
  ],
  unresolved: [
    { from: 'a.ts', specifier: './gone', kind: 'import', line: 4, reason: 'not-found' },
    { from: 'b.ts', specifier: './gone', kind: 'import', line: 5, reason: 'not-found' },
    { from: 'b.ts', specifier: '`./x/${y}`', kind: 'dynamic', line: 6, reason: 'computed-specifier' },
  ],
  parseErrors: [],
  workspaces: [],
  timings: { parse: 3, total: 4 },
};

describe('summarizeGraph', () => {
  it('counts files, kinds, externals, unresolved and cycles', () => {
    expect(summarizeGraph(graph)).toEqual({
      root: '/shop',
      source: 'seams',
      files: 3,
      declarationFiles: 1,
      loc: 17,
      edges: 3,
      edgesByKind: { import: 1, type: 2, reexport: 0, require: 0, dynamic: 0 },
      externals: {
        references: 3,
        packages: 1,
        builtins: 1,
        top: [
          { package: 'lodash', files: 2 },
          { package: 'node:fs', files: 1 },
        ],
      },
      unresolved: {
        total: 3,
        byReason: { 'not-found': 2, 'computed-specifier': 1 },
        top: [
          { specifier: './gone', reason: 'not-found', count: 2, example: 'a.ts:4' },
          { specifier: '`./x/${y}`', reason: 'computed-specifier', count: 1, example: 'b.ts:6' },
        ],
      },
      parseErrors: [],
      parseErrorCount: 0,
      cycles: { groups: 1, files: 2, largest: [{ files: 2, loop: ['a.ts', 'b.ts', 'a.ts'] }] },
      workspaces: 0,
      timings: { parse: 3, total: 4 },
    });
  });

  it('counts every parse error while listing the first ten', () => {
    const parseErrors = Array.from({ length: 12 }, (_, i) => ({ path: `f${i}.js`, line: 1, message: 'Unexpected' }));
    const summary = summarizeGraph({ ...graph, parseErrors });
    expect(summary.parseErrorCount).toBe(12);
    expect(summary.parseErrors.map((error) => error.path)).toEqual(parseErrors.slice(0, 10).map((error) => error.path));
  });

  it('has no data part when only tests touch tables', () => {
    const data = [
      { from: 'a.test.ts', line: 3, table: 'pg_proc', access: 'read' as const, detector: 'sql', test: true as const },
    ];
    expect(summarizeGraph({ ...graph, data }).data).toBeUndefined();
  });
});
