import { describe, expect, it } from 'vitest';
import type { DataAccess, Graph } from '@seams/graph';
import { dataSignal } from '../src/signals/data-signal.ts';
import { pairKey } from '../src/signals/index.ts';
import { combineSignals } from '../src/weighted-graph.ts';
import { importsSignal } from '../src/signals/imports-signal.ts';
import { handGraph } from './hand-graph.ts';

// Graphs are written by hand here: the expected weights are worked out in the comments.

function graphOf(
  files: readonly string[],
  data: ReadonlyArray<Omit<DataAccess, 'detector' | 'line'>>,
  imports: ReadonlyArray<readonly [string, string]> = [],
): Graph {
  return handGraph(files, imports, { data: data.map((access, i) => ({ ...access, line: i + 1, detector: 'sql' })) });
}

describe('dataSignal', () => {
  const files = [
    'src/orders/order.repository.ts',
    'src/orders/order.service.ts',
    'src/payments/refund.service.ts',
    'src/reports/sales.report.ts',
  ];
  const [repository, service, refunds, report] = files as [string, string, string, string];

  it('weighs writers 1 and readers 0.5, the product per table over the other files touching it', () => {
    const graph = graphOf(files, [
      { from: repository, table: 'orders', access: 'write' },
      { from: repository, table: 'orders', access: 'read' },
      { from: service, table: 'orders', access: 'read' },
      { from: refunds, table: 'orders', access: 'write' },
      { from: report, table: 'payments', access: 'read' },
      { from: refunds, table: 'payments', access: 'read' },
    ]);
    const weights = dataSignal.pairs({ graph, files, dependencies: [] });
    expect(weights).toEqual(
      new Map([
        // orders: repository and refunds write (1), service reads (0.5); three files, so each pair over 2.
        [pairKey(0, 1, 4), (1 * 0.5) / 2],
        [pairKey(0, 2, 4), (1 * 1) / 2],
        [pairKey(1, 2, 4), (0.5 * 1) / 2],
        // payments: two readers, over 1.
        [pairKey(2, 3, 4), 0.5 * 0.5],
      ]),
    );
  });

  it('is available only when two clustered files touch one table', () => {
    const input = (graph: Graph, clustered: readonly string[]) => ({ graph, files: clustered, dependencies: [] });
    const graph = graphOf(files, [
      { from: repository, table: 'orders', access: 'write' },
      { from: report, table: 'orders', access: 'read' },
    ]);
    expect(dataSignal.isAvailable(input(graph, files))).toBe(true);
    expect(dataSignal.isAvailable(input(graph, [repository, service]))).toBe(false);
    expect(dataSignal.isAvailable(input(graphOf(files, []), files))).toBe(false);
  });

  it('is sparse: its share is of the files it covers, so its few pairs weigh no more than imports do', () => {
    // 4 files in a chain of imports; the data signal speaks about two of them only.
    const graph = graphOf(
      files,
      [
        { from: repository, table: 'orders', access: 'write' },
        { from: refunds, table: 'orders', access: 'write' },
      ],
      [
        [service, repository],
        [refunds, service],
        [report, refunds],
      ],
    );
    const input = { graph, files, dependencies: [] };
    const { graph: combined } = combineSignals(input, [importsSignal, dataSignal], { imports: 1, data: 1 });
    const data = combined.weight(repository, refunds);
    // Share 1 of the 2 files it covers: the one pair carries 2, not 1 × 4 files.
    expect(data).toBe(2);
  });
});
