import { graphAsParsed } from './graph-fast-path.ts';
import { parseContract } from './parse-contract.ts';
import { GRAPH_VERSION, Graph } from './schema.ts';
import { validateGraph } from './validate-graph.ts';

/** Validates a graph read from JSON: its schema, then each file once and every edge between its files. */
export function parseGraph(json: unknown, origin = 'graph'): Graph {
  const graph = parseContract(
    {
      schema: Graph,
      version: GRAPH_VERSION,
      kind: 'graph',
      code: 'SEAMS_GRAPH_INVALID',
      remedy: 'seams analyze',
      expected: "pass a project folder, or a graph written by 'seams analyze -o'",
      fast: graphAsParsed,
    },
    json,
    origin,
  );
  validateGraph(graph, origin);
  return graph;
}
