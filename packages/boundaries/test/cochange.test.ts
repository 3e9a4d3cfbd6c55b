import { describe, expect, it } from 'vitest';
import type { Graph, History } from '@seams/graph';
import { proposeBoundaries, SIGNALS } from '../src/index.ts';
import { cochangeSignal } from '../src/signals/cochange-signal.ts';
import { pairKey } from '../src/signals/index.ts';
import { handGraph } from './hand-graph.ts';

// Graphs are written by hand here: the expected weights are worked out in the comments.

function graphOf(
  files: readonly string[],
  imports: ReadonlyArray<readonly [string, string]>,
  history?: History,
): Graph {
  return handGraph(files, imports, history ? { history } : {});
}

function historyOf(commits: Record<string, number>, cochange: History['cochange']): History {
  const files = Object.entries(commits).map(([path, count]) => ({
    path,
    commits: count,
    churn: 10 * count,
    authors: { 'ada@shop.example': count },
  }));
  return { commits: 40, skipped: 0, maxFilesPerCommit: 50, files, cochange };
}

describe('cochangeSignal', () => {
  const files = ['src/orders/order.ts', 'src/orders/order-lines.ts', 'src/orders/order-status.ts'];
  const [order, lines, status] = files as [string, string, string];
  const history = historyOf({ [order]: 10, [lines]: 4, [status]: 5, 'src/shared/db.ts': 8 }, [
    { a: 'src/orders/order-lines.ts', b: 'src/orders/order.ts', commits: 3 },
    { a: 'src/orders/order-lines.ts', b: 'src/orders/order-status.ts', commits: 2 },
    { a: 'src/orders/order-status.ts', b: 'src/orders/order.ts', commits: 5 },
    { a: 'src/orders/order.ts', b: 'src/shared/db.ts', commits: 6 },
  ]);

  it('weighs a pair by its commits over those of the rarer file, among the files clustered only', () => {
    const graph = graphOf([...files, 'src/shared/db.ts'], [], history);
    // db.ts is in the graph but not clustered (the shared kernel): its pair with order.ts is left out.
    const weights = cochangeSignal.pairs({ graph, files, dependencies: [] });
    expect(weights).toEqual(
      new Map([
        [pairKey(0, 1, 3), 3 / 4], // order 10, lines 4: 3 of the 4 commits to lines also changed order
        [pairKey(1, 2, 3), 2 / 4], // lines 4, status 5
        [pairKey(0, 2, 3), 5 / 5], // order 10, status 5: status never changed without order
      ]),
    );
  });

  it('is available only when the history has a pair of clustered files', () => {
    const input = (graph: Graph, clustered: readonly string[]) => ({ graph, files: clustered, dependencies: [] });
    expect(cochangeSignal.isAvailable(input(graphOf(files, []), files))).toBe(false);
    expect(cochangeSignal.isAvailable(input(graphOf(files, [], historyOf({ [order]: 3 }, [])), files))).toBe(false);
    expect(
      cochangeSignal.isAvailable(
        input(graphOf([...files, 'src/shared/db.ts'], [], history), [order, 'src/shared/db.ts']),
      ),
    ).toBe(true);
    expect(
      cochangeSignal.isAvailable(
        input(graphOf([...files, 'src/shared/db.ts'], [], history), [lines, 'src/shared/db.ts']),
      ),
    ).toBe(false);
  });

  it('is registered after the structural signals, before data', () => {
    expect(SIGNALS.map((signal) => signal.name)).toEqual([
      'imports',
      'names',
      'paths',
      'entities',
      'usecases',
      'cochange',
      'data',
    ]);
  });
});

describe('proposeBoundaries with co-change', () => {
  // One checkout folder, its imports a loop through the order and the payment code: every file
  // imports the next, so any three neighbours make as good a service as any other three.
  const orders = ['src/checkout/place-order.ts', 'src/checkout/order-lines.ts', 'src/checkout/order-totals.ts'];
  const payments = ['src/checkout/issue-invoice.ts', 'src/checkout/charge-card.ts', 'src/checkout/payment-result.ts'];
  const loop = [...orders, ...payments];
  const imports = loop.map((file, i) => [file, loop[(i + 1) % loop.length]!] as const);
  // The history says which three: order files change together, payment files together, never across.
  const together = (group: readonly string[]) =>
    group.flatMap((a, i) => group.slice(i + 1).map((b) => (a < b ? { a, b, commits: 4 } : { a: b, b: a, commits: 4 })));
  const history = historyOf(Object.fromEntries(loop.map((file) => [file, 6])), [
    ...together(orders),
    ...together(payments),
  ]);
  // Services as sorted file lists, in the order of their first file.
  const filesOf = (graph: Graph, signals?: string[]) =>
    proposeBoundaries(graph, { ...(signals ? { signals } : {}), sharedKernel: false })
      .services.map((service) => [...service.files].sort())
      .sort((x, y) => x[0]!.localeCompare(y[0]!));
  const split = [[...payments].sort(), [...orders].sort()];

  it('keeps the loop in one service on imports alone', () => {
    expect(filesOf(graphOf(loop, imports), ['imports'])).toEqual([[...loop].sort()]);
  });

  it('splits it along the files that change together', () => {
    expect(filesOf(graphOf(loop, imports, history), ['imports', 'cochange'])).toEqual(split);
  });

  it('is on by default when the graph has history, at share 0.2, and off without', () => {
    const withHistory = proposeBoundaries(graphOf(loop, imports, history), { sharedKernel: false });
    expect(withHistory.parameters.signals).toEqual(['imports', 'names', 'paths', 'cochange']);
    expect(withHistory.parameters.weights).toEqual({ imports: 1, names: 0.6, paths: 1, cochange: 0.2 });
    expect(filesOf(graphOf(loop, imports, history))).toEqual(split);
    expect(proposeBoundaries(graphOf(loop, imports), { sharedKernel: false }).parameters.signals).toEqual([
      'imports',
      'names',
      'paths',
    ]);
  });
});
