// Regenerates the published JSON Schemas from the zod schemas: run after changing src/schema.ts, src/plan-schema.ts or
// src/baseline-schema.ts.
import { writeFileSync } from 'node:fs';
import { baselineJsonSchema, graphJsonSchema, planJsonSchema } from '../src/json-schema.ts';

const schemas = [
  ['graph.schema.json', graphJsonSchema()],
  ['plan.schema.json', planJsonSchema()],
  ['baseline.schema.json', baselineJsonSchema()],
] as const;
for (const [file, schema] of schemas) {
  const target = new URL(`../${file}`, import.meta.url);
  writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${target.pathname}`);
}
