import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/parse-file.ts';

const fixture = join(import.meta.dirname, '../../../fixtures/parse/kitchen-sink');

describe('parse output', () => {
  it('of a file with every kind of module reference is what a person reviewed', async () => {
    const facts = parseFile('orders.routes.ts', readFileSync(join(fixture, 'orders.routes.ts'), 'utf8'));
    await expect(JSON.stringify(facts, null, 2) + '\n').toMatchFileSnapshot(join(fixture, 'orders.routes.facts.json'));
  });
});
