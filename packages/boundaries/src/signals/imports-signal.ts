import { addPair, type PairWeights, type Signal } from './signal.ts';

/** Files that import each other belong together, the more names they share the more. */
export const importsSignal: Signal = {
  name: 'imports',
  description: 'dependencies between files, weighted by the names used; type-only and re-export edges weaker, barrels traced to the real provider',
  share: 1,
  isAvailable: (input) => input.dependencies.length > 0,
  pairs({ files, dependencies }) {
    const index = new Map(files.map((file, i) => [file, i]));
    const weights: PairWeights = new Map();
    for (const dep of dependencies) {
      const from = index.get(dep.from);
      const to = index.get(dep.to);
      if (from !== undefined && to !== undefined) addPair(weights, from, to, files.length, dep.weight);
    }
    return weights;
  },
};
