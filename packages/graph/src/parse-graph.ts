import { parseContract } from './parse-contract.ts';
import { GRAPH_VERSION, Graph } from './schema.ts';

/** Validates a graph read from JSON; the error names the first offending field. */
export function parseGraph(json: unknown, origin = 'graph'): Graph {
  return parseContract(
    { schema: Graph, version: GRAPH_VERSION, kind: 'graph', code: 'SEAMS_GRAPH_INVALID', remedy: 'seams analyze' },
    json,
    origin,
  );
}
