import { creditedTargets, type Graph, type UseCase } from '@seams/graph';
import { FolderTrust } from './folder-trust.ts';
import { addPair, type PairWeights, type Signal, type SignalInput } from './signal.ts';

// The share of the files the use cases must reach to speak for the app. The signal weighs its share of all the files
// whatever it covers: use cases found for a few files only (an app whose routes analyze does not recognise, bar two)
// tie each of them many times harder than an import. unleash's 6 use cases reach 4% of its files, each tie then
// 13 times an import's; the other monoliths measured reach 24% to 84%.
const MIN_COVERAGE = 0.1;

// How far a use case reaches from its entry through value imports: its handler, services, repositories, models.
const MAX_DEPTH = 4;

/**
 * Files serving the same use cases belong together: the static counterpart of Mono2Micro's business
 * contexts, read from `graph.useCases` (entry points seams analyze found, or use cases a bring-your-own
 * graph carries, such as runtime traces). A use case's files are the ones it lists, else those its entry
 * reaches through value imports (type-only imports left out, barrels traced to the real provider, at
 * most four steps, never through a file being set apart). Each file is tied to the use case's anchor
 * (its entry, or for a listed use case its rarest file) with weight `use case weight / use cases
 * reaching the file`: a helper every use case reaches ties no one, as the import signal damps a hub. A file the
 * entry reaches in another module (a sibling folder that the imports show to be a module, `FolderTrust`) is a call
 * into that module, and ties less, as the import signal damps it.
 */
export const useCasesSignal: Signal = {
  name: 'usecases',
  description:
    'use cases (routes, resolvers, consumers, jobs, commands, traces): files the same use cases reach, tied to the entry, damped for files many use cases reach',
  share: 0.5,
  isAvailable: (input) => {
    const covered = new Set<number>();
    for (const reach of reaches(input)) if (reach.files.length > 1) for (const file of reach.files) covered.add(file);
    return covered.size > 0 && covered.size >= MIN_COVERAGE * input.files.length;
  },
  pairs(input) {
    const all = reaches(input);
    const frequency = new Map<number, number>();
    for (const { files } of all) for (const file of files) frequency.set(file, (frequency.get(file) ?? 0) + 1);
    const weights: PairWeights = new Map();
    const folders = FolderTrust.of(input.files, input.dependencies);
    for (const { anchor, files, weight } of all) {
      const hub = anchor ?? files.reduce((best, file) => (frequency.get(file)! < frequency.get(best)! ? file : best));
      for (const file of files)
        addPair(
          weights,
          hub,
          file,
          input.files.length,
          ((1 - folders.across(hub, file)) * weight) / frequency.get(file)!,
        );
    }
    return weights;
  },
};

interface Reach {
  anchor?: number;
  files: number[];
  weight: number;
}

// Availability and the pairs both need the reaches: found once per graph and file list.
const reachesOf = new WeakMap<SignalInput['graph'], WeakMap<readonly string[], Reach[]>>();

function reaches({ graph, files }: SignalInput): Reach[] {
  let byFiles = reachesOf.get(graph);
  if (!byFiles) reachesOf.set(graph, (byFiles = new WeakMap()));
  let found = byFiles.get(files);
  if (!found) byFiles.set(files, (found = findReaches(graph, files)));
  return found;
}

function findReaches(graph: Graph, files: readonly string[]): Reach[] {
  if (!graph.useCases?.length) return [];
  const index = new Map(files.map((file, i) => [file, i]));
  const next = valueImports(graph, index);
  return graph.useCases.flatMap((useCase: UseCase) => {
    const weight = useCase.weight ?? 1;
    if (useCase.files) {
      const listed = [...new Set(useCase.files.map((file) => index.get(file)).filter((i) => i !== undefined))];
      return listed.length > 1 ? [{ files: listed, weight }] : [];
    }
    const entry = useCase.entry === undefined ? undefined : index.get(useCase.entry);
    if (entry === undefined) return [];
    const seen = new Set([entry]);
    let frontier = [entry];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const following: number[] = [];
      for (const file of frontier)
        for (const target of next.get(file) ?? [])
          if (!seen.has(target)) {
            seen.add(target);
            following.push(target);
          }
      frontier = following;
    }
    return [{ anchor: entry, files: [...seen].sort((a, b) => a - b), weight }];
  });
}

/** Value imports between the clustered files, by index; an import through a barrel goes to the declaring file. */
function valueImports(graph: Graph, index: ReadonlyMap<string, number>): Map<number, number[]> {
  const next = new Map<number, number[]>();
  for (const edge of graph.edges) {
    if (edge.kind === 'type') continue;
    const from = index.get(edge.from);
    if (from === undefined) continue;
    for (const to of creditedTargets(edge).keys()) {
      const target = index.get(to);
      if (target !== undefined && target !== from) (next.get(from) ?? next.set(from, []).get(from)!).push(target);
    }
  }
  return next;
}
