import { FormatError } from '@seams/graph';
import { createCollector, type ForeignParts } from './foreign-parts.ts';

interface JsonGraph {
  nodes: Array<string | { id: string }>;
  edges: Array<{ source: string; target: string; weight?: number }>;
}

/**
 * Any language's dependency graph as `{ nodes: [id | {id}], edges: [{ source, target, weight? }] }`:
 * Java classes, .NET assemblies, Go packages go through clustering and metrics like TS files.
 */
export function fromJsonGraph(json: unknown, file: string): ForeignParts {
  const graph = json as JsonGraph;
  if (!Array.isArray(graph.nodes) || !Array.isArray(graph.edges))
    throw new FormatError('SEAMS_IMPORT_FORMAT_UNKNOWN', `${file}: a JSON graph needs "nodes" and "edges" arrays`);
  const collect = createCollector();
  for (const node of graph.nodes) collect.file(typeof node === 'string' ? node : node.id);
  graph.edges.forEach((edge, i) => {
    if (typeof edge.source !== 'string' || typeof edge.target !== 'string')
      throw new FormatError('SEAMS_IMPORT_FORMAT_UNKNOWN', `${file}: edges[${i}] needs string "source" and "target"`);
    if (edge.weight !== undefined && !(typeof edge.weight === 'number' && edge.weight > 0))
      throw new FormatError('SEAMS_IMPORT_FORMAT_UNKNOWN', `${file}: edges[${i}].weight must be a positive number`);
    collect.file(edge.source);
    collect.file(edge.target);
    collect.edge({
      from: edge.source,
      to: edge.target,
      kind: 'import',
      specifier: edge.target,
      line: 0,
      names: [],
      ...(edge.weight !== undefined ? { weight: edge.weight } : {}),
    });
  });
  return collect.parts;
}
