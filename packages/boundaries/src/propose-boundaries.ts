import {
  ConfigError,
  PLAN_VERSION,
  SEAMS_VERSION,
  timeSteps,
  type Graph,
  type Plan,
  type ProgressListener,
} from '@seams/graph';
import { chooseResolution } from './choose-resolution.ts';
import { chooseSignals } from './choose-signals.ts';
import { dependenciesOf } from './dependencies.ts';
import type { FileGraph } from './file-graph.ts';
import { infrastructureClients, tableModels } from './infrastructure-clients.ts';
import { applyKeep } from './keep-previous.ts';
import { confidenceOf, runLouvainSeeds, type Communities } from './louvain-runs.ts';
import { planAndServiceMetrics, useCaseReach } from './metrics/index.ts';
import { nameServices } from './name-services.ts';
import type { PackageManifest } from './package-scripts.ts';
import { planRun } from './plan-run.ts';
import {
  groupsOf,
  mergeTiny,
  mergeToCount,
  splitDisconnected,
  splitLarge,
  splitToCount,
  type Partition,
} from './refine.ts';
import { setApart, TEST_HELPER } from './set-apart.ts';
import { barrelsOf, findSharedKernel } from './shared-kernel.ts';
import { FolderTrust } from './signals/folder-trust.ts';
import { SIGNALS } from './signals/index.ts';
import { isWholeModule, splitModules } from './split-modules.ts';
import { combineSignals } from './weighted-graph.ts';

export interface BoundaryOptions {
  /** Signal names to use; default every available one. */
  signals?: readonly string[];
  /** Share of the combined weight per signal, overriding each signal's default share. */
  weights?: Readonly<Record<string, number>>;
  /**
   * Louvain resolution: higher gives more, smaller services (default: the finest of 2, 3, 4 that is stable across
   * seeds).
   */
  resolution?: number;
  /** Exact number of services wanted; overrides the resolution's outcome. */
  services?: number;
  minServiceSize?: number;
  maxServiceSize?: number;
  seed?: number;
  /** Seeded runs used for confidence (default 10). */
  seeds?: number;
  lowConfidence?: number;
  /** Set apart files used across the monolith (default true). */
  sharedKernel?: boolean;
  /** Set apart vendored code, tests, tool configs, migrations, scripts, browser code, declarations and roots (default true). */
  setApart?: boolean;
  /**
   * Files only a browser bundle loads, as the bundler's config and package.json tell them (`browserFiles` of
   * @seams/extract): set apart as `browser`, never a service of the server.
   */
  browser?: ReadonlySet<string>;
  /** The project's package.json: the files its scripts run, but the server's start, are set apart as scripts. */
  manifest?: PackageManifest;
  /**
   * The package's own entry files (package.json's `main`/`exports`, build output read as its source): production
   * code however few importers it has, never a test helper, and neither is what it reaches.
   */
  entries?: ReadonlySet<string>;
  /** A previous plan whose pinned files, names and ids must survive. */
  keep?: Plan;
  onProgress?: ProgressListener;
}

/**
 * Candidate services for a graph: weighted signals, shared kernel set apart, seeded Louvain,
 * refinement (connected, no tiny services, size bounds, count), names, confidence and metrics.
 */
export function proposeBoundaries(graph: Graph, options: BoundaryOptions = {}): Plan {
  const emit = options.onProgress ?? (() => {});
  const seed = options.seed ?? 42;
  const minSize = options.minServiceSize ?? 3;
  const maxSize = options.maxServiceSize ?? 60;
  const seeds = options.seeds ?? 10;
  const lowConfidence = options.lowConfidence ?? 0.6;
  const { step } = timeSteps(emit);

  const allFiles = graph.files.map((f) => f.path);
  const dependencies = step('dependencies', () => dependenciesOf(graph));
  const apart =
    options.setApart === false
      ? []
      : step('set-apart', () =>
          setApart(allFiles, dependencies, graph.edges, {
            browser: options.browser,
            manifest: options.manifest,
            entries: options.entries,
          }),
        );
  const apartSet = new Set(apart.map((a) => a.path));
  // Declarations, vendored code and test helpers are set apart after clustering, not before: the clustering and the
  // kernel's spread threshold (a share of the parts a first clustering finds) were measured with these files in, and
  // taking a few isolated files out beforehand moved both (and the chosen resolution) on a real app.
  const late = new Set(apart.filter((a) => LATE_GROUPS.has(a.group) || a.reason === TEST_HELPER).map((a) => a.path));
  const kernel =
    options.sharedKernel === false
      ? []
      : step('shared-kernel', () =>
          findSharedKernel(
            allFiles.filter((file) => !apartSet.has(file) || late.has(file)),
            dependencies,
            {
              seed: GRAPH_SEED,
              clients: infrastructureClients(graph),
              models: tableModels(graph),
              barrels: barrelsOf(graph.edges),
            },
          ),
        );
  const shared = [...apart, ...kernel.filter((file) => !apartSet.has(file.path))].sort((a, b) =>
    a.path.localeCompare(b.path),
  );
  const pinned = new Set(options.keep?.pinned ?? []);
  // Left out of the clustering: what is set apart (but the late groups) and the kernel.
  const sharedSet = new Set(
    [...apart.filter((a) => !late.has(a.path)), ...kernel].map((s) => s.path).filter((p) => !pinned.has(p)),
  );
  const files = allFiles.filter((file) => !sharedSet.has(file));
  const input = { graph, files, dependencies };
  const signals = chooseSignals(SIGNALS, input, options.signals);
  const { graph: weighted } = step('signals', () => combineSignals(input, signals, options.weights));

  // Without a resolution given, the one the graph supports: the finest whose services do not depend on the seed.
  const chosen =
    options.resolution === undefined ? step('resolution', () => chooseResolution(weighted, GRAPH_SEED)) : undefined;
  const resolution = options.resolution ?? chosen!.resolution;
  // The probes are reused as runs when they are the runs this seed would make.
  const probes = seed === GRAPH_SEED ? (chosen?.runs.slice(0, seeds) ?? []) : [];
  const runs: Communities[] = step('cluster', () => [
    ...probes,
    ...runLouvainSeeds(
      weighted,
      resolution,
      Array.from({ length: seeds - probes.length }, (_, i) => seed + probes.length + i),
    ),
  ]);
  let partition: Partition = new Map(
    [...planRun(weighted, runs, minSize)].map(([file, label]) => [file, String(label)]),
  );
  partition = step('refine', () => {
    const trust = FolderTrust.of(files, dependencies);
    const index = new Map(files.map((file, i) => [file, i]));
    const modulesOf = (file: string) => trust.modulesOf(index.get(file)!);
    const clustered = new Set(files);
    const imported = new Set(dependencies.filter((d) => clustered.has(d.from)).map((d) => d.to));
    const used = (file: string) => imported.has(file);
    let result = splitModules(weighted, partition, modulesOf, minSize, used);
    result = splitDisconnected(weighted, result);
    const wholeModule = isWholeModule(result, modulesOf, used);
    result = splitLarge(weighted, result, maxSize, resolution, seed, wholeModule);
    result = mergeTiny(weighted, result, minSize, wholeModule);
    if (options.services !== undefined) result = toCount(weighted, result, options.services, resolution, seed);
    return result;
  });
  if (late.size > 0) partition = new Map([...partition].filter(([file]) => !late.has(file) || pinned.has(file)));
  const kept = applyKeep(partition, options.keep);
  const groups = groupsOf(kept.partition);
  const names = step('names', () => nameServices(groups, graph));
  const confidence = step('confidence', () => confidenceOf(kept.partition, runs));

  const loc = new Map(graph.files.map((f) => [f.path, f.loc]));
  const ids = new Map([...groups.keys()].map((label) => [label, kept.ids.get(label) ?? names.get(label)!]));
  const assignment = new Map([...kept.partition].map(([file, label]) => [file, ids.get(label)!]));
  // Business context purity needs use cases: given by the graph, or found by analyze's entry points.
  const useCases = step('use-cases', () => useCaseReach(graph));
  const metricInput = { dependencies, assignment, loc, ...(useCases ? { useCases } : {}) };
  const metrics = step('metrics', () => planAndServiceMetrics(metricInput));
  const perService = metrics.services;
  const services = [...groups]
    .map(([label, members]) => {
      const id = ids.get(label)!;
      const previous = options.keep?.services.find((s) => s.id === id);
      return {
        id,
        name: kept.names.get(label) ?? names.get(label)!,
        files: [...members].sort(),
        confidence: round(members.reduce((sum, file) => sum + confidence.get(file)!, 0) / members.length),
        metrics: perService.get(id)!,
        // Rules a person wrote for the service (entries, allowed dependencies, owned tables) outlive re-clustering.
        ...(previous?.public ? { public: previous.public } : {}),
        ...(previous?.dependsOn ? { dependsOn: previous.dependsOn } : {}),
        ...(previous?.tables ? { tables: previous.tables } : {}),
      };
    })
    .sort((a, b) => b.files.length - a.files.length || a.name.localeCompare(b.name));

  return {
    version: PLAN_VERSION,
    tool: { name: 'seams', version: SEAMS_VERSION },
    graph: { root: graph.root, source: graph.source, files: graph.files.length },
    parameters: {
      signals: signals.map((s) => s.name),
      weights: Object.fromEntries(signals.map((s) => [s.name, options.weights?.[s.name] ?? s.share])),
      resolution,
      ...(options.services !== undefined ? { services: options.services } : {}),
      minServiceSize: minSize,
      maxServiceSize: maxSize,
      seed,
      seeds,
      lowConfidence,
    },
    services,
    // A pinned file is in its service, never also in the shared list.
    shared: shared
      .filter((entry) => !pinned.has(entry.path))
      .map((entry) => {
        const allow = options.keep?.shared.find((s) => s.path === entry.path)?.allow;
        return allow ? { ...entry, allow } : entry;
      }),
    pinned: [...pinned].sort(),
    confidence: Object.fromEntries(
      [...confidence].sort((a, b) => a[0].localeCompare(b[0])).map(([file, value]) => [file, round(value)]),
    ),
    review: step('review', () => reviewList(kept.partition, confidence, ids, runs, lowConfidence, pinned)),
    metrics: metrics.plan,
  };
}

/**
 * Exactly `count` services, merging or splitting; a count the files cannot give is the user's mistake, said in one
 * line.
 */
function toCount(graph: FileGraph, partition: Partition, count: number, resolution: number, seed: number): Partition {
  if (count < 1 || count > partition.size)
    throw new ConfigError(
      'SEAMS_OPTION_INVALID',
      `--services ${count}: choose between 1 and ${partition.size}, the files left to cluster once the shared kernel and the groups set apart are out.`,
    );
  const merged = mergeToCount(graph, partition, count);
  if (groupsOf(merged).size > count)
    throw new ConfigError(
      'SEAMS_OPTION_INVALID',
      `--services ${count}: the files fall into ${groupsOf(merged).size} parts with no dependency between them, so no fewer services can be made.`,
    );
  try {
    return splitToCount(graph, merged, count, resolution, seed);
  } catch (error) {
    if (error instanceof RangeError)
      throw new ConfigError('SEAMS_OPTION_INVALID', `--services ${count}: ${error.message}.`);
    throw error;
  }
}

// What is the graph's, not the seed's (the shared kernel's parts, the resolution's probes), always uses one seed.
const GRAPH_SEED = 42;
// Groups set apart once the services are drawn, with the test helpers (see proposeBoundaries).
const LATE_GROUPS = new Set(['declarations', 'vendored']);

const round = (value: number) => Math.round(value * 1000) / 1000;

// For each doubtful file, the service its runs most often put it with instead.
function reviewList(
  partition: Partition,
  confidence: Map<string, number>,
  ids: Map<string, string>,
  runs: Communities[],
  threshold: number,
  pinned: Set<string>,
): Plan['review'] {
  const doubtful = [...partition].filter(([file]) => confidence.get(file)! < threshold && !pinned.has(file));
  if (doubtful.length === 0) return [];
  // Per run, the members of the clusters holding a doubtful file only: grouping every cluster of every run cost more
  // than the votes on 50,000 files.
  const runGroups = runs.map((run) => {
    const groups = new Map<number, string[]>();
    for (const [file] of doubtful) groups.set(run.get(file)!, []);
    for (const [file, label] of run) groups.get(label)?.push(file);
    return groups;
  });
  const review: Plan['review'] = [];
  for (const [file, label] of doubtful) {
    const alternatives = new Map<string, number>();
    runs.forEach((run, r) => {
      const votes = new Map<string, number>();
      for (const mate of runGroups[r]!.get(run.get(file)!)!) {
        const mateLabel = partition.get(mate);
        if (mate !== file && mateLabel !== undefined && mateLabel !== label)
          votes.set(mateLabel, (votes.get(mateLabel) ?? 0) + 1);
      }
      const best = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      if (best) alternatives.set(best[0], (alternatives.get(best[0]) ?? 0) + 1);
    });
    const alternative = [...alternatives].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    review.push({
      path: file,
      service: ids.get(label)!,
      confidence: round(confidence.get(file)!),
      ...(alternative ? { alternative: ids.get(alternative)! } : {}),
    });
  }
  return review.sort((a, b) => a.confidence - b.confidence || a.path.localeCompare(b.path));
}
