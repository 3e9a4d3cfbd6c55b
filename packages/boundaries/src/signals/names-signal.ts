import { posix } from 'node:path';
import { domainWords } from '../tokens.ts';
import { addPair, type PairWeights, type Signal } from './signal.ts';

// A word in more files than this share, or this count, says little about any one domain and costs quadratic work.
const MAX_DOCUMENT_SHARE = 0.3;
const MAX_DOCUMENT_COUNT = 150;
const FOLDER_WEIGHT = 0.5;

/** Files whose names and exported identifiers share rare domain words belong together (TF-IDF cosine). */
export const namesSignal: Signal = {
  name: 'names',
  description:
    'lexical similarity of file names, folder names and exported identifiers (orders, OrderRepository, order-items)',
  share: 0.6,
  isAvailable: (input) => input.files.length > 1,
  pairs({ graph, files }) {
    const exportsOf = new Map(graph.files.map((f) => [f.path, f.exports]));
    const vectors = files.map((file) => wordVector(file, exportsOf.get(file) ?? []));
    const postings = new Map<string, number[]>();
    vectors.forEach((vector, i) => {
      for (const word of vector.keys()) {
        let list = postings.get(word);
        if (!list) postings.set(word, (list = []));
        list.push(i);
      }
    });
    const maxDf = Math.min(MAX_DOCUMENT_COUNT, Math.max(3, Math.floor(files.length * MAX_DOCUMENT_SHARE)));
    const idf = new Map<string, number>();
    for (const [word, list] of postings)
      if (list.length >= 2 && list.length <= maxDf) idf.set(word, Math.log(files.length / list.length));
    const norms = vectors.map((vector) => {
      let sum = 0;
      for (const [word, tf] of vector) sum += (tf * (idf.get(word) ?? 0)) ** 2;
      return Math.sqrt(sum) || 1;
    });
    const weights: PairWeights = new Map();
    for (const [word, weight] of idf) {
      const list = postings.get(word)!;
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const i = list[a]!;
          const j = list[b]!;
          addPair(
            weights,
            i,
            j,
            files.length,
            (vectors[i]!.get(word)! * weight * vectors[j]!.get(word)! * weight) / (norms[i]! * norms[j]!),
          );
        }
      }
    }
    return weights;
  },
};

function wordVector(file: string, exports: readonly string[]): Map<string, number> {
  const vector = new Map<string, number>();
  const add = (names: Iterable<string>, weight: number) => {
    for (const { stem } of domainWords(names)) vector.set(stem, (vector.get(stem) ?? 0) + weight);
  };
  add([posix.basename(file)], 1);
  add(
    exports.filter((name) => name !== 'default' && name !== '*'),
    1,
  );
  add(posix.dirname(file).split('/'), FOLDER_WEIGHT);
  return vector;
}
