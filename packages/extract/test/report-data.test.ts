import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseGraph, parsePlan, tableOwnership } from '@seams/graph';
import { dataSection } from '../src/generate/report-data.ts';

// The report's data fixture: every way a table can be shared, once.
const fixture = join(import.meta.dirname, '../../../fixtures/report/data');
const read = (file: string) => JSON.parse(readFileSync(join(fixture, file), 'utf8')) as unknown;
const ownership = tableOwnership(parseGraph(read('graph.json')), parsePlan(read('plan.json')));

it("lists the tables a service takes along and how to untie each shared one, its own and others'", async () => {
  await expect(
    ['catalog', 'order', 'shipping']
      .map((service) => `<!-- ${service} -->\n${dataSection(service, ownership)}`)
      .join(''),
  ).toMatchFileSnapshot('../../../fixtures/report/data/extraction-data.md');
});

it('says nothing without table accesses', () => {
  expect(dataSection('catalog', undefined)).toBe('');
});
