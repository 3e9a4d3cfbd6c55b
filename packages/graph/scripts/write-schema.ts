// Regenerates the published JSON Schemas from the zod schemas: run after changing src/schema.ts or src/plan-schema.ts.
import { writeFileSync } from 'node:fs';
import { graphJsonSchema, planJsonSchema } from '../src/json-schema.ts';

for (const [file, schema] of [['graph.schema.json', graphJsonSchema()], ['plan.schema.json', planJsonSchema()]] as const) {
  const target = new URL(`../${file}`, import.meta.url);
  writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${target.pathname}`);
}
