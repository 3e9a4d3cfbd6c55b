import { z } from 'zod';
import { Graph } from './schema.ts';

/** The published JSON Schema of the graph file, derived from the zod schema so the two cannot drift. */
export function graphJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Graph, { target: 'draft-2020-12' }),
    $id: 'https://seams.dev/schema/graph-v1.json',
    title: 'seams dependency graph',
  };
}
