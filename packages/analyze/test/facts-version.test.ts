import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACTS_VERSION } from '../src/facts.ts';
import { parseFile } from '../src/parse-file.ts';

const fixture = join(import.meta.dirname, '../../../fixtures/parse/kitchen-sink');
const snapshotFile = join(fixture, 'orders.routes.facts.json');

describe('parse output', () => {
  const facts = parseFile('orders.routes.ts', readFileSync(join(fixture, 'orders.routes.ts'), 'utf8'));

  it('is what a person reviewed', async () => {
    await expect(JSON.stringify({ version: FACTS_VERSION, facts }, null, 2) + '\n').toMatchFileSnapshot(snapshotFile);
  });

  it('changes only together with FACTS_VERSION, so no run reads stale cached facts', () => {
    if (!existsSync(snapshotFile)) return;
    const reviewed = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { version: number; facts: unknown };
    if (JSON.stringify(reviewed.facts) !== JSON.stringify(facts)) expect(FACTS_VERSION, 'parse output changed: bump FACTS_VERSION in src/facts.ts').toBeGreaterThan(reviewed.version);
  });
});
