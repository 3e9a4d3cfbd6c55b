import { addPair, type PairWeights, type Signal } from './signal.ts';

/** Files that import each other belong together, the more names they share the more. */
export const importsSignal: Signal = {
  name: 'imports',
  description:
    'dependencies between files, weighted by the names used and damped for files many others use; type-only and re-export edges weaker, barrels traced to the real provider',
  share: 1,
  isAvailable: (input) => input.dependencies.length > 0,
  pairs({ files, dependencies }) {
    const index = new Map(files.map((file, i) => [file, i]));
    const weights: PairWeights = new Map();
    const fanIn = new Map<string, number>();
    for (const dep of dependencies) if (index.has(dep.from)) fanIn.set(dep.to, (fanIn.get(dep.to) ?? 0) + 1);
    for (const dep of dependencies) {
      const from = index.get(dep.from);
      const to = index.get(dep.to);
      // A file many others use says less about any one of them, as a common word says little about a text.
      if (from !== undefined && to !== undefined)
        addPair(weights, from, to, files.length, dep.weight / Math.log2(1 + (fanIn.get(dep.to) ?? 1)));
    }
    return weights;
  },
};
