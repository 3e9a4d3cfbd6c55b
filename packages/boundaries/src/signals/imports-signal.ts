import { FolderTrust } from './folder-trust.ts';
import { addPair, type PairWeights, type Signal } from './signal.ts';

/**
 * Files that import each other belong together, the more names they share the more. An import between two
 * sibling folders that the imports show to be modules (`core/resource/` and `core/environment/`, whose files mostly
 * import their own folder) is one module calling another, not a sign that they are one: it ties less, by how
 * modular the folders are (`FolderTrust`). Layers (`services/` importing `models/`) are no modules, and keep their
 * imports whole.
 */
export const importsSignal: Signal = {
  name: 'imports',
  description:
    'dependencies between files, weighted by the names used and damped for files many others use; type-only and re-export edges weaker, barrels traced to the real provider; imports between sibling folders that are modules damped',
  share: 1,
  isAvailable: (input) => input.dependencies.length > 0,
  pairs({ files, dependencies }) {
    const index = new Map(files.map((file, i) => [file, i]));
    const weights: PairWeights = new Map();
    const fanIn = new Map<string, number>();
    for (const dep of dependencies) if (index.has(dep.from)) fanIn.set(dep.to, (fanIn.get(dep.to) ?? 0) + 1);
    const folders = FolderTrust.of(files, dependencies);
    for (const dep of dependencies) {
      const from = index.get(dep.from);
      const to = index.get(dep.to);
      // A file many others use says less about any one of them, as a common word says little about a text.
      if (from !== undefined && to !== undefined)
        addPair(
          weights,
          from,
          to,
          files.length,
          ((1 - folders.across(from, to)) * dep.weight) / Math.log2(1 + (fanIn.get(dep.to) ?? 1)),
        );
    }
    return weights;
  },
};
