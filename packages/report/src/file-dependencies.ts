import { creditedTargets, usedName, type Edge } from '@seams/graph';
import { compareCodeUnits } from './code-unit-order.ts';

/** One imported name, credited to the file that declares it. */
export interface NameUse {
  from: string;
  to: string;
  name: string;
  /** True when the import is type-only. */
  type: boolean;
}

export interface FileDependencies {
  /** Distinct `from -> to` file pairs, sorted; the unit every weight in the report counts. */
  pairs: Array<{ from: string; to: string }>;
  uses: NameUse[];
}

/**
 * File-level dependencies from a graph's edges. An edge into a barrel is credited to the files that
 * declare the imported names (`creditedTargets`, which `dependenciesOf` in @seams/boundaries uses too),
 * so the pairs here are the ones the plan's metrics counted and an `index.ts` does not look like an API.
 *
 * Pairs are numbers, not `from\0to` strings: each path is ranked once in code-unit order, a pair is
 * `rank(from) * paths + rank(to)`, and sorting those numbers sorts the pairs as comparing their paths would
 * (on 50,000 files, building, hashing and comparing 185,000 joined paths was most of a report's model).
 */
export function fileDependencies(edges: readonly Edge[]): FileDependencies {
  const ids = new Map<string, number>();
  const paths: string[] = [];
  const idOf = (path: string) => {
    let id = ids.get(path);
    if (id === undefined) {
      id = paths.length;
      ids.set(path, id);
      paths.push(path);
    }
    return id;
  };
  const froms: number[] = [];
  const tos: number[] = [];
  const uses: NameUse[] = [];
  for (const edge of edges) {
    // The names the plan's apiSurface counts too: a namespace import only when it is the edge's one name.
    const shown = usedName(edge);
    for (const [to, names] of creditedTargets(edge)) {
      if (to === edge.from) continue;
      froms.push(idOf(edge.from));
      tos.push(idOf(to));
      for (const name of names.filter(shown)) uses.push({ from: edge.from, to, name, type: edge.kind === 'type' });
    }
  }
  const byRank = paths.map((_, id) => id).sort((a, b) => compareCodeUnits(paths[a]!, paths[b]!));
  const rank = new Float64Array(paths.length);
  byRank.forEach((id, r) => (rank[id] = r));
  // Exact, and split back exactly, for up to tens of millions of paths.
  const keys = new Float64Array(froms.length);
  for (let i = 0; i < froms.length; i++) keys[i] = rank[froms[i]!]! * paths.length + rank[tos[i]!]!;
  keys.sort();
  const pairs: FileDependencies['pairs'] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (i > 0 && key === keys[i - 1]) continue;
    const from = Math.floor(key / paths.length);
    pairs.push({ from: paths[byRank[from]!]!, to: paths[byRank[key - from * paths.length]!]! });
  }
  return { pairs, uses };
}
