import { FormatError } from './errors.ts';
import { GRAPH_VERSION, Graph } from './schema.ts';

/** Validates a graph read from JSON; the error names the first offending field. */
export function parseGraph(json: unknown, origin = 'graph'): Graph {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== GRAPH_VERSION) {
    throw new FormatError('SEAMS_GRAPH_INVALID', `${origin} has graph format version ${version}; this seams reads version ${GRAPH_VERSION}. Re-run 'seams analyze'.`);
  }
  const result = Graph.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new FormatError('SEAMS_GRAPH_INVALID', `${origin} is not a seams graph: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return result.data;
}
