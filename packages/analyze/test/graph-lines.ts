// Helpers shared by the resolution tests: run the analyzer on a fixture and print graph parts as sorted one-line
// strings.
import { analyze } from '../src/index.ts';

export type Graph = Awaited<ReturnType<typeof analyze>>;

export function analyzeFixture(root: string): Promise<Graph> {
  return analyze({ root, cache: false });
}

export const sorted = (items: string[]): string[] => [...items].sort();

/** `from -> to kind [names]`, names sorted, list sorted. */
export function edgesOf(graph: Graph): string[] {
  return sorted(graph.edges.map((e) => `${e.from} -> ${e.to} ${e.kind} [${sorted(e.names).join(',')}]`));
}

/** `from -> package (builtin) kind [names]`. */
export function externalsOf(graph: Graph): string[] {
  return sorted(
    graph.externals.map(
      (x) => `${x.from} -> ${x.package}${x.builtin ? ' (builtin)' : ''} ${x.kind} [${sorted(x.names).join(',')}]`,
    ),
  );
}

/** `from -> specifier kind reason`. */
export function unresolvedOf(graph: Graph): string[] {
  return sorted(graph.unresolved.map((u) => `${u.from} -> ${u.specifier} ${u.kind} ${u.reason}`));
}
