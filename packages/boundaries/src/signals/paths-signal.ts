import { posix } from 'node:path';
import { entitiesAndLayers } from './entities-layers.ts';
import { addPair, type PairWeights, type Signal, type SignalInput } from './signal.ts';

// A folder holding more files than this is a layer or the whole app, not a neighbourhood.
const MAX_FOLDER_FILES = 60;

/**
 * Files in the same small folder belong together; the smaller the folder, the stronger the tie. Combined with
 * the imports, a folder ties as far as the imports confirm it: scaled by the square root of its coherence (the
 * share of its files' import ends that stay inside it), so a flat layer folder (`validations/`, `socket.io/`)
 * whose files each import their own domain ties less than a domain folder whose files import each other. Combined
 * with the entities, a layer folder (see `layerFolders`: `presenters/` whose files each serve another entity) ties
 * none of its files: the entities signal ties each to its own entity instead.
 */
export const pathsSignal: Signal = {
  name: 'paths',
  description: 'folder proximity: files sharing a small folder, the smaller and deeper the closer',
  share: 1,
  isAvailable: (input) => input.files.some((file) => file.includes('/')),
  pairs(input) {
    const { files } = input;
    const members = new Map<string, number[]>();
    files.forEach((file, i) => {
      for (const dir of foldersOf(file)) {
        let list = members.get(dir);
        if (!list) members.set(dir, (list = []));
        list.push(i);
      }
    });
    const coherence = input.combined?.includes('imports') ? folderCoherence(input) : undefined;
    // Relative to the most coherent folder: where every folder is as coherent, the ties are exactly those of
    // folder proximity alone.
    let most = 0;
    for (const value of coherence?.values() ?? []) most = Math.max(most, value);
    const layers = input.combined?.includes('entities') ? entitiesAndLayers(input).layers : undefined;
    const weights: PairWeights = new Map();
    for (const [dir, list] of members) {
      if (list.length < 2 || list.length > MAX_FOLDER_FILES || layers?.has(dir)) continue;
      const weight = Math.sqrt(coherence ? (coherence.get(dir) ?? 0.5) / most : 1) / (list.length - 1);
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++) addPair(weights, list[a]!, list[b]!, files.length, weight);
    }
    return weights;
  },
};

/**
 * Per folder, `(2 x dependencies inside it + 1) / (dependency ends in it + 2)`: 1 when its files import only each
 * other, near 0 when every import leaves it, 0.5 for a folder no import touches. O(dependencies x depth).
 */
function folderCoherence({ files, dependencies }: SignalInput): Map<string, number> {
  // Each file's folders, innermost first, found once: a file ends hundreds of dependencies on a big graph.
  const folders = new Map(files.map((file) => [file, foldersOf(file)]));
  const inside = new Map<string, number>();
  const ends = new Map<string, number>();
  const bump = (map: Map<string, number>, dir: string) => map.set(dir, (map.get(dir) ?? 0) + 1);
  for (const { from, to } of dependencies) {
    const source = folders.get(from);
    const target = folders.get(to);
    if (from === to || !source || !target) continue;
    for (const dir of source) {
      bump(ends, dir);
      if (target.includes(dir)) bump(inside, dir);
    }
    for (const dir of target) bump(ends, dir);
  }
  const coherence = new Map<string, number>();
  for (const [dir, count] of ends) coherence.set(dir, (2 * (inside.get(dir) ?? 0) + 1) / (count + 2));
  return coherence;
}

function foldersOf(file: string): string[] {
  const folders: string[] = [];
  for (let dir = posix.dirname(file); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) folders.push(dir);
  return folders;
}
