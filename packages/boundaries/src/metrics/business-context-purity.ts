import type { ServiceGraph } from './service-graph.ts';
import type { UseCaseReach } from './use-case-reach.ts';

/**
 * Business context purity (Mono2Micro, Kalia et al. FSE 2021): per service, the entropy of a uniform
 * distribution over the use cases that reach its files, ln(m_i); the mean over services. 0 when every
 * service serves at most one use case; lower is better. Files no use case reaches add no context.
 */
export function businessContextPurity(graph: ServiceGraph, useCases: UseCaseReach): number {
  if (graph.members.size === 0) return 0;
  const words = Math.ceil(useCases.groups.length / 32);
  const count = distinctCounter(useCases.groups);
  let sum = 0;
  for (const files of graph.members.values()) {
    const served = new Uint32Array(words);
    for (const file of files) {
      const bits = useCases.reach.get(file);
      if (bits) for (let w = 0; w < words; w++) served[w]! |= bits[w]!;
    }
    sum += Math.log(count(served) || 1);
  }
  return sum / graph.members.size;
}

/**
 * Counts the distinct use case ids of the groups set in a bit set, visiting only the set bits. Groups rarely share
 * an id: then the count is a sum of group sizes. A set of ids per service was services x use cases on a big graph
 * (a shared model reached by every route; 6 s of a 50k-file plan).
 */
function distinctCounter(groups: UseCaseReach['groups']): (bits: Uint32Array) => number {
  const numbers = new Map<string, number>();
  const members = groups.map((group) => [
    ...new Set(group.map((id) => numbers.get(id) ?? numbers.set(id, numbers.size).get(id)!)),
  ]);
  const disjoint = members.reduce((sum, group) => sum + group.length, 0) === numbers.size;
  const seen = new Uint32Array(numbers.size);
  let stamp = 0;
  return (bits) => {
    stamp++;
    let count = 0;
    for (let w = 0; w < bits.length; w++)
      for (let word = bits[w]!; word !== 0; word &= word - 1) {
        const group = members[w * 32 + 31 - Math.clz32(word & -word)]!;
        if (disjoint) count += group.length;
        else
          for (const id of group)
            if (seen[id] !== stamp) {
              seen[id] = stamp;
              count++;
            }
      }
    return count;
  };
}
