// Regenerates the published JSON Schema from the zod schema: run after changing src/schema.ts.
import { writeFileSync } from 'node:fs';
import { graphJsonSchema } from '../src/json-schema.ts';

const target = new URL('../graph.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(graphJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
