import { posix } from 'node:path';
import { addPair, type PairWeights, type Signal } from './signal.ts';

// A folder holding more files than this is a layer or the whole app, not a neighbourhood.
const MAX_FOLDER_FILES = 60;

/** Files in the same small folder belong together; the smaller the folder, the stronger the tie. */
export const pathsSignal: Signal = {
  name: 'paths',
  description: 'folder proximity: files sharing a small folder, the smaller and deeper the closer',
  share: 1,
  isAvailable: (input) => input.files.some((file) => file.includes('/')),
  pairs({ files }) {
    const members = new Map<string, number[]>();
    files.forEach((file, i) => {
      for (let dir = posix.dirname(file); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) {
        let list = members.get(dir);
        if (!list) members.set(dir, (list = []));
        list.push(i);
      }
    });
    const weights: PairWeights = new Map();
    for (const list of members.values()) {
      if (list.length < 2 || list.length > MAX_FOLDER_FILES) continue;
      const weight = 1 / (list.length - 1);
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++) addPair(weights, list[a]!, list[b]!, files.length, weight);
    }
    return weights;
  },
};
