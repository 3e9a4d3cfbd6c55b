import { buildServiceGraph, splitName } from './service-graph.ts';
import type { ServiceGraph } from './service-graph.ts';
import type { MetricInput, ServiceMetrics } from './types.ts';

/** Per-service metrics, keyed by service id in id order. */
export function serviceMetrics(input: MetricInput): Map<string, ServiceMetrics> {
  return metricsOfServices(buildServiceGraph(input), input.loc);
}

interface Tally {
  internal: number;
  inbound: Map<string, number>;
  outbound: Map<string, number>;
  interfaceFiles: Set<string>;
  apiSurface: Set<string>;
}

/** {@link serviceMetrics} on an already built service graph. */
export function metricsOfServices(graph: ServiceGraph, loc?: ReadonlyMap<string, number>): Map<string, ServiceMetrics> {
  const tallies = new Map<string, Tally>();
  for (const service of graph.members.keys()) {
    tallies.set(service, {
      internal: 0,
      inbound: new Map(),
      outbound: new Map(),
      interfaceFiles: new Set(),
      apiSurface: new Set(),
    });
  }

  for (const { to, names, fromService, toService } of graph.dependencies) {
    const source = tallies.get(fromService)!;
    const target = tallies.get(toService)!;
    if (fromService === toService) {
      source.internal++;
    } else {
      increment(source.outbound, toService);
      increment(target.inbound, fromService);
      target.interfaceFiles.add(to);
    }
    // Attributed by declaring file, not by `to`: through a barrel the used name may live elsewhere.
    for (const name of names) {
      const { file, entry } = splitName(name, to);
      const owner = graph.serviceOf.get(file);
      if (owner !== undefined && owner !== fromService) tallies.get(owner)!.apiSurface.add(entry);
    }
  }

  const result = new Map<string, ServiceMetrics>();
  for (const [service, files] of graph.members) {
    const tally = tallies.get(service)!;
    const crossing = total(tally.inbound) + total(tally.outbound);
    const touching = crossing + tally.internal;
    result.set(service, {
      files: files.length,
      loc: files.reduce((sum, file) => sum + (loc?.get(file) ?? 0), 0),
      internalDependencies: tally.internal,
      inbound: record(tally.inbound),
      outbound: record(tally.outbound),
      cohesion: files.length > 1 ? tally.internal / (files.length * (files.length - 1)) : 0,
      coupling: touching > 0 ? crossing / touching : 0,
      interfaceFiles: [...tally.interfaceFiles].sort(),
      apiSurface: [...tally.apiSurface].sort(),
    });
  }
  return result;
}

const increment = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

const total = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);

// fromEntries defines own properties, so a service named `__proto__` cannot reach the prototype.
const record = (counts: ReadonlyMap<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
