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
 */
export function fileDependencies(edges: readonly Edge[]): FileDependencies {
  const pairs = new Map<string, { from: string; to: string }>();
  const uses: NameUse[] = [];
  for (const edge of edges) {
    // The names the plan's apiSurface counts too: a namespace import only when it is the edge's one name.
    const shown = usedName(edge);
    for (const [to, names] of creditedTargets(edge)) {
      if (to === edge.from) continue;
      pairs.set(`${edge.from}\0${to}`, { from: edge.from, to });
      for (const name of names.filter(shown)) uses.push({ from: edge.from, to, name, type: edge.kind === 'type' });
    }
  }
  const sorted = [...pairs.values()].sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));
  return { pairs: sorted, uses };
}
