import { addPair, type PairWeights, type Signal, type SignalInput } from './signal.ts';

// A writer has the table's rows in its hands; a reader only depends on their shape.
const WRITE = 1;
const READ = 0.5;

/**
 * Files touching the same tables belong together, writers most: two files writing one table are the
 * strongest tie (they share its invariants), a reader and its writer a weaker one, two readers the
 * weakest. A pair's weight is the product of both sides' weights, divided by the number of other
 * files touching the table, so a table everybody reads (customers, settings) ties no one strongly,
 * as the import signal damps a hub. Needs the data detectors' accesses (`graph.data`).
 */
export const dataSignal: Signal = {
  name: 'data',
  description:
    'shared tables: files touching the same table, writers weigh 1, readers 0.5; product of both, divided by the other files touching it',
  share: 0.5,
  sparse: true,
  isAvailable: (input) => [...touchersByTable(input).values()].some((touchers) => touchers.size > 1),
  pairs(input) {
    const weights: PairWeights = new Map();
    const count = input.files.length;
    for (const touchers of touchersByTable(input).values()) {
      const entries = [...touchers];
      for (let x = 0; x < entries.length; x++) {
        for (let y = x + 1; y < entries.length; y++) {
          addPair(
            weights,
            entries[x]![0],
            entries[y]![0],
            count,
            (entries[x]![1] * entries[y]![1]) / (entries.length - 1),
          );
        }
      }
    }
    return weights;
  },
};

/** Per table, the clustered files touching it with their weight (a file that writes it once is a writer). */
function touchersByTable({ graph, files }: SignalInput): Map<string, Map<number, number>> {
  const index = new Map(files.map((file, i) => [file, i]));
  const tables = new Map<string, Map<number, number>>();
  for (const access of graph.data ?? []) {
    // A test touching a table does not tie the code under test to the table's other users.
    if (access.test) continue;
    const file = index.get(access.from);
    if (file === undefined) continue;
    const touchers = tables.get(access.table) ?? tables.set(access.table, new Map()).get(access.table)!;
    touchers.set(file, Math.max(touchers.get(file) ?? 0, access.access === 'write' ? WRITE : READ));
  }
  return tables;
}
