import { modularity } from './choose-resolution.ts';
import type { FileGraph } from './file-graph.ts';
import { consensusRun, type Communities } from './louvain-runs.ts';
import { mergeTiny, splitDisconnected } from './refine.ts';

/**
 * The run a plan is taken from: the most central (consensus) run of the better half of the seeded runs, by the
 * modularity at resolution 1 of the services each gives once refined (connected, no tiny service).
 *
 * At the finer resolutions a plan is clustered at, Louvain can land in two cuts of nearly the same quality, and
 * which one most of ten runs take depends on the seeds: on NodeBB, about half the runs keep the `socket.io/` layer
 * together and the other half hand each of its files to the domain it serves, so the plain consensus flipped between
 * the two (ARI about 0.8 and 0.7 against its layered truth). Modularity at resolution 1 tells them apart (the
 * resolution is chosen by it too): the cut that keeps more of the weight inside services at the plain scale is
 * the better half's, and its consensus does not depend on how many of the ten runs happened to find it. It is
 * measured after refinement because that is what the plan keeps: pairs of files that `mergeTiny` glues together
 * are not a better cut than the threes it would have kept.
 */
export function planRun(graph: FileGraph, runs: readonly Communities[], minSize: number): Communities {
  const ranked = runs
    .map((run, index) => ({ run, index, quality: modularity(graph, refined(graph, run, minSize)) }))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const better = ranked.slice(0, Math.ceil(runs.length / 2)).sort((a, b) => a.index - b.index);
  return consensusRun(better.map(({ run }) => run));
}

function refined(graph: FileGraph, run: Communities, minSize: number): Communities {
  const services = mergeTiny(
    graph,
    splitDisconnected(graph, new Map([...run].map(([f, l]) => [f, String(l)]))),
    minSize,
  );
  const labels = new Map<string, number>();
  return new Map(
    [...services].map(([file, service]) => [
      file,
      labels.get(service) ?? labels.set(service, labels.size).get(service)!,
    ]),
  );
}
