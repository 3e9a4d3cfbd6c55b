import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { moveFiles, planContext } from '@seams/boundaries';
import { parseGraph, parsePlan } from '@seams/graph';
import { metricDeltas } from '../src/state/metric-deltas.ts';

// The report's data fixture: orders is written by order and payments, stock by catalog and order.
const fixture = join(import.meta.dirname, '../../../fixtures/report/data');
const read = (file: string) => JSON.parse(readFileSync(join(fixture, file), 'utf8')) as unknown;
const graph = parseGraph(read('graph.json'));
const plan = parsePlan(read('plan.json'));

it('leads with the tables written from two services when the graph has table accesses', () => {
  // The gateway's write to orders leaves payments with it: orders gets one writer, stock keeps two.
  const moved = moveFiles(plan, planContext(graph), ['src/payments/payment-gateway.ts'], { service: 'order' });
  expect(metricDeltas(plan, moved, graph)[0]).toEqual({
    label: 'shared tables',
    before: '2',
    after: '1',
    verdict: 'better',
  });
  const { data: _, tables: __, ...bare } = graph;
  expect(metricDeltas(plan, moved, bare).map((delta) => delta.label)).toEqual(['Q', 'ICP', 'coupling', 'cycles']);
});
