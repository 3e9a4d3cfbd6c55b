import type { ServiceGraph } from './service-graph.ts';

interface ServiceCounts {
  files: number;
  /** Dependencies inside the service, and their calls. */
  inside: number;
  insideCalls: number;
  /** Crossing dependencies with one end in the service (ε_ij + ε_ji summed over j). */
  boundary: number;
  /** Sum of the weighted degrees of its files: each dependency's calls count at both ends. */
  degree: number;
}

function countServices(graph: ServiceGraph): Map<string, ServiceCounts> {
  const counts = new Map<string, ServiceCounts>();
  for (const [service, files] of graph.members) {
    counts.set(service, { files: files.length, inside: 0, insideCalls: 0, boundary: 0, degree: 0 });
  }
  for (const { calls, fromService, toService } of graph.dependencies) {
    const source = counts.get(fromService)!;
    const target = counts.get(toService)!;
    source.degree += calls;
    target.degree += calls;
    if (fromService === toService) {
      source.inside++;
      source.insideCalls += calls;
    } else {
      source.boundary++;
      target.boundary++;
    }
  }
  return counts;
}

/** Newman's Q on the undirected graph with weight calls(a->b) + calls(b->a); 0 without dependencies. */
export function newmanModularity(graph: ServiceGraph): number {
  const m = graph.dependencies.reduce((sum, { calls }) => sum + calls, 0);
  if (m === 0) return 0;
  let q = 0;
  for (const { insideCalls, degree } of countServices(graph).values()) q += insideCalls / m - (degree / (2 * m)) ** 2;
  return q;
}

/**
 * Structural modularity as Mono2Micro computes it: `μ_i` and `σ_ij` count unordered file pairs joined by a
 * dependency (either way, once), so SM = mean μ_i / N_i² - mean over service pairs of σ_ij / (N_i N_j).
 */
export function structuralModularity(graph: ServiceGraph): number {
  const k = graph.members.size;
  if (k === 0) return 0;
  const pairs = new Set<string>();
  const inside = new Map<string, number>();
  const between = new Map<string, number>();
  for (const { from, to, fromService, toService } of graph.dependencies) {
    const pair = from < to ? `${from}\0${to}` : `${to}\0${from}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    if (fromService === toService) inside.set(fromService, (inside.get(fromService) ?? 0) + 1);
    else {
      const key = fromService < toService ? `${fromService}\0${toService}` : `${toService}\0${fromService}`;
      between.set(key, (between.get(key) ?? 0) + 1);
    }
  }
  let cohesion = 0;
  for (const [service, files] of graph.members) cohesion += (inside.get(service) ?? 0) / files.length ** 2;
  if (k === 1) return cohesion;
  let coupling = 0;
  for (const [key, sigma] of between) {
    const [i, j] = key.split('\0') as [string, string];
    coupling += sigma / (graph.members.get(i)!.length * graph.members.get(j)!.length);
  }
  return cohesion / k - coupling / ((k * (k - 1)) / 2);
}

/** Bunch's TurboMQ: sum over services of CF_i = 2μ_i / (2μ_i + Σ_j (ε_ij + ε_ji)), 0 when μ_i = 0. */
export function modularizationQuality(graph: ServiceGraph): number {
  let mq = 0;
  for (const { inside, boundary } of countServices(graph).values()) {
    if (inside > 0) mq += (2 * inside) / (2 * inside + boundary);
  }
  return mq;
}
