import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baselineJsonSchema, graphJsonSchema, parseGraph, planJsonSchema } from '@seams/graph';

const minimal = {
  version: 1,
  tool: { name: 'seams', version: '0' },
  source: 'seams',
  root: '/r',
  files: [],
  edges: [],
  externals: [],
  unresolved: [],
  parseErrors: [],
  workspaces: [],
  timings: {},
};

describe('parseGraph', () => {
  it('accepts a valid graph', () => {
    expect(parseGraph(minimal).root).toBe('/r');
  });

  it('names the offending field', () => {
    const bad = {
      ...minimal,
      edges: [{ from: 'a.ts', to: 'b.ts', kind: 'imports', specifier: './b', line: 1, names: [] }],
    };
    expect(() => parseGraph(bad, 'graph.json')).toThrow(/^graph.json is not a seams graph: edges.0.kind: /);
  });

  it('tells the user to re-run analyze on another version', () => {
    expect(() => parseGraph({ ...minimal, version: 99 })).toThrowError(
      expect.objectContaining({
        code: 'SEAMS_GRAPH_INVALID',
        message: expect.stringContaining("Re-run 'seams analyze'"),
      }),
    );
  });
});

describe('published JSON Schema', () => {
  it('matches the zod schema (regenerate with packages/graph/scripts/write-schema.ts)', () => {
    const published = JSON.parse(readFileSync(new URL('../graph.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(graphJsonSchema());
  });

  it('of the plan matches its zod schema too', () => {
    const published = JSON.parse(readFileSync(new URL('../plan.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(planJsonSchema());
  });

  it('of the check baseline matches its zod schema too', () => {
    const published = JSON.parse(readFileSync(new URL('../baseline.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(baselineJsonSchema());
  });
});
