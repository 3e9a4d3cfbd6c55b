import type { ServiceGraph } from './service-graph.ts';
import type { MetricInput } from './types.ts';

/**
 * Business context purity (Mono2Micro, Kalia et al. FSE 2021): per service, the entropy of a uniform
 * distribution over the use cases that reach its files, ln(m_i); the mean over services. 0 when every
 * service serves at most one use case; lower is better. Files no use case reaches add no context.
 */
export function businessContextPurity(graph: ServiceGraph, useCases: NonNullable<MetricInput['useCases']>): number {
  if (graph.members.size === 0) return 0;
  const contexts = new Map<string, Set<string>>();
  for (const { id, files } of useCases) {
    for (const file of files) {
      const service = graph.serviceOf.get(file);
      if (service === undefined) continue;
      let seen = contexts.get(service);
      if (!seen) contexts.set(service, (seen = new Set()));
      seen.add(id);
    }
  }
  let sum = 0;
  for (const service of graph.members.keys()) sum += Math.log(contexts.get(service)?.size || 1);
  return sum / graph.members.size;
}
