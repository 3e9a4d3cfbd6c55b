/**
 * Size of a maximum matching in a bipartite graph (Kuhn's augmenting paths, O(V·E)):
 * `edges[left]` lists the right vertices (0..rightCount-1) that left vertex may pair with.
 */
export function maximumMatching(edges: readonly (readonly number[])[], rightCount: number): number {
  const partnerOfRight = new Array<number>(rightCount).fill(-1);
  const partnerOfLeft = new Array<number>(edges.length).fill(-1);
  let size = 0;
  // A greedy first pass settles most vertices, so few augmenting searches are needed.
  edges.forEach((options, left) => {
    const free = options.find((right) => partnerOfRight[right] === -1);
    if (free === undefined) return;
    partnerOfRight[free] = left;
    partnerOfLeft[left] = free;
    size++;
  });
  for (let left = 0; left < edges.length; left++) {
    if (partnerOfLeft[left] === -1 && augment(left, edges, partnerOfLeft, partnerOfRight)) size++;
  }
  return size;
}

// Iterative depth-first search for an alternating path from a free left vertex to a free right
// vertex; an explicit stack because paths can be as long as there are clusters.
function augment(
  start: number,
  edges: readonly (readonly number[])[],
  partnerOfLeft: number[],
  partnerOfRight: number[],
): boolean {
  const visited = new Set<number>(); // right vertices already tried in this search
  const path: { left: number; next: number; via: number }[] = [{ left: start, next: 0, via: -1 }];
  while (path.length > 0) {
    const frame = path[path.length - 1]!;
    const options = edges[frame.left]!;
    if (frame.next >= options.length) {
      path.pop();
      continue;
    }
    const right = options[frame.next++]!;
    if (visited.has(right)) continue;
    visited.add(right);
    const holder = partnerOfRight[right]!;
    if (holder !== -1) {
      path.push({ left: holder, next: 0, via: right });
      continue;
    }
    // Flip the path: each left vertex on it takes the right vertex it was reached through.
    let taken = right;
    for (let k = path.length - 1; k >= 0; k--) {
      const step = path[k]!;
      partnerOfRight[taken] = step.left;
      partnerOfLeft[step.left] = taken;
      taken = step.via;
    }
    return true;
  }
  return false;
}
