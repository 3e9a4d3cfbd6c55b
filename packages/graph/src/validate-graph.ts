import { FormatError } from './errors.ts';
import { pathProblem } from './path-problem.ts';
import type { Graph } from './schema.ts';

/**
 * What the schema cannot say about a graph: every file listed once, every path inside the root,
 * every edge between listed files. Later stages build maps and graphs keyed by path and would
 * otherwise fail deep inside (a graph library's "node already exists") or count a file twice.
 */
export function validateGraph(graph: Pick<Graph, 'files' | 'edges'>, origin = 'graph'): void {
  const seen = new Map<string, number>();
  graph.files.forEach((file, index) => {
    const problem = pathProblem(file.path);
    if (problem) throw invalid(origin, `files[${index}] ${file.path} ${problem}`);
    const first = seen.get(file.path);
    if (first !== undefined) throw invalid(origin, `files[${first}] and files[${index}] are both ${file.path}`);
    seen.set(file.path, index);
  });
  // Tens of thousands of edges: no allocation per edge.
  graph.edges.forEach((edge, index) => {
    if (!seen.has(edge.from)) throw invalid(origin, `edges[${index}].from ${edge.from} is not one of its files`);
    if (!seen.has(edge.to)) throw invalid(origin, `edges[${index}].to ${edge.to} is not one of its files`);
  });
}

function invalid(origin: string, detail: string): FormatError {
  return new FormatError(
    'SEAMS_GRAPH_INVALID',
    `${origin} is not a valid seams graph: ${detail}. Re-run 'seams analyze'.`,
  );
}
