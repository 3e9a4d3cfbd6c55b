import { z } from 'zod';
import { Baseline } from './baseline-schema.ts';
import { Plan } from './plan-schema.ts';
import { Graph } from './schema.ts';

/** The published JSON Schema of the graph file, derived from the zod schema so the two cannot drift. */
export function graphJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Graph, { target: 'draft-2020-12' }),
    $id: 'https://seams.dev/schema/graph-v1.json',
    title: 'seams dependency graph',
  };
}

/** The published JSON Schema of the plan file. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Plan, { target: 'draft-2020-12' }),
    $id: 'https://seams.dev/schema/plan-v1.json',
    title: 'seams service boundary plan',
  };
}

/** The published JSON Schema of the baseline file `seams check` reads. */
export function baselineJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Baseline, { target: 'draft-2020-12' }),
    $id: 'https://seams.dev/schema/baseline-v1.json',
    title: 'seams check baseline',
  };
}
