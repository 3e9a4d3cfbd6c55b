import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foreignFormatOf, importGraph } from '@seams/analyze';

const fixture = (...parts: string[]) => join(import.meta.dirname, '../../../fixtures/interop', ...parts);
const edgeLines = (graph: ReturnType<typeof importGraph>) =>
  graph.edges.map((e) => `${e.from} -> ${e.to} ${e.kind} ${e.weight ?? 1}`);
const tmp = mkdtempSync(join(tmpdir(), 'seams-own-graph-'));
const write = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe('importGraph on a graph brought from another tool', () => {
  it('takes numeric ids, nodes named but without id, from/to, and sums repeated edges', () => {
    const graph = importGraph(fixture('json-graph/class-calls.json'));
    expect(graph.files.map((f) => f.path)).toEqual([
      '3',
      'orders.OrderController',
      'orders.OrderService',
      'payments.PaymentService',
    ]);
    // 1 -> 2 twice (1 + 4); 2 -> payments.PaymentService once by name (weight 2).
    expect(edgeLines(graph)).toEqual([
      'orders.OrderController -> orders.OrderService import 5',
      'orders.OrderService -> 3 import 1',
      'orders.OrderService -> payments.PaymentService import 2',
    ]);
    expect(graph.useCases).toEqual([
      { id: 'GET /orders/:id', kind: 'http', files: ['orders.OrderController', 'orders.OrderService'] },
      { id: 'POST /orders', kind: 'trace', files: ['3', 'orders.OrderController', 'orders.OrderService'], weight: 12 },
    ]);
  });

  it('gives the same graph whatever order the nodes and edges come in', () => {
    const json = JSON.parse(readFileSync(fixture('json-graph/class-calls.json'), 'utf8'));
    const reversed = { ...json, nodes: [...json.nodes].reverse(), edges: [...json.edges].reverse() };
    const flipped = importGraph(write('reversed.json', JSON.stringify(reversed)));
    expect({ ...flipped, root: '' }).toEqual({ ...importGraph(fixture('json-graph/class-calls.json')), root: '' });
  });

  it('reads a weight in an edge list and sums repeated lines', () => {
    const graph = importGraph(fixture('edge-list/weighted.tsv'));
    expect(edgeLines(graph)).toEqual([
      'OrderService -> OrderRepository import 7',
      'OrderService -> PaymentClient import 2',
      'PaymentClient -> Http require 3',
    ]);
  });

  it('names the line of an edge-list column it cannot read', () => {
    const file = write('bad.tsv', 'A\tB\n A\tC\tcalls\n');
    expect(() => importGraph(file)).toThrowError(
      `${file}:2: 'calls' is neither an edge kind (import, type, reexport, require, dynamic) nor a positive weight`,
    );
  });

  it('names the node that has no id instead of crashing', () => {
    const file = write('no-id.json', JSON.stringify({ nodes: ['a', { kind: 'class' }], edges: [] }));
    expect(() => importGraph(file)).toThrowError(`${file}: nodes[1] needs an "id" (a string or a number)`);
  });

  it('recognises a foreign graph handed where a seams graph is expected', () => {
    expect(foreignFormatOf({ json: { nodes: [1], edges: [] } })).toBe('json-graph');
    expect(foreignFormatOf({ json: { 'a.ts': ['b.ts'] } })).toBe('madge');
    expect(foreignFormatOf({ text: '# calls\nA\tB\t5\n' })).toBe('edgelist');
    expect(foreignFormatOf({ json: { version: 1, files: [] } })).toBeUndefined();
    expect(foreignFormatOf({ text: 'not a graph' })).toBeUndefined();
  });
});
