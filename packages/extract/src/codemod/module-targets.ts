import { posix } from 'node:path';
import type { Graph } from '@seams/graph';

/**
 * Where a module specifier written in a file leads, and which names of that module the service
 * declares, answered for the file as it is now rather than as the graph saw it: an import added
 * after the graph was made resolves like the same specifier does elsewhere (aliases, packages) or
 * like a relative path among the project's files.
 */
export interface ModuleTargets {
  /** The project file `specifier` in `from` resolves to, or undefined when it leaves the project. */
  resolve(from: string, specifier: string): string | undefined;
  /**
   * The service file that declares `name` as `target` exports it, `undefined` when not the service's, UNKNOWN when the
   * graph cannot tell.
   */
  provider(target: string, name: string): string | undefined | typeof UNKNOWN;
  /** True when some names of `target` come from the service: the only modules whose imports are read closely. */
  reachesService(target: string): boolean;
}

/** A name the graph cannot place: a barrel reaches the service, but no edge credits this name. */
export const UNKNOWN = Symbol('unknown');

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'];

export function moduleTargets(graph: Pick<Graph, 'files' | 'edges'>, members: ReadonlySet<string>): ModuleTargets {
  const files = new Set(graph.files.map((f) => f.path));
  const exact = new Map<string, string>();
  const bare = new Map<string, string>();
  const providers = new Map<string, Map<string, string>>();
  for (const edge of graph.edges) {
    exact.set(`${edge.from}\0${edge.specifier}`, edge.to);
    if (!edge.specifier.startsWith('.')) bare.set(edge.specifier, edge.to);
    const known = providers.get(edge.to) ?? providers.set(edge.to, new Map()).get(edge.to)!;
    for (const [name, provider] of Object.entries(edge.providers ?? {})) known.set(name, provider);
  }
  // A barrel outside the service reaches it when an edge into it credits a service file.
  const reaching = new Set<string>(members);
  for (const [target, names] of providers) if ([...names.values()].some((p) => members.has(p))) reaching.add(target);

  const relative = (from: string, specifier: string): string | undefined => {
    const base = posix.normalize(posix.join(posix.dirname(from), specifier));
    const stem = base.replace(/\.(m|c)?js$/, '').replace(/\.jsx$/, '');
    const candidates = [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
    return candidates.find((candidate) => files.has(candidate));
  };
  return {
    resolve: (from, specifier) =>
      exact.get(`${from}\0${specifier}`) ??
      (specifier.startsWith('.') ? relative(from, specifier) : bare.get(specifier)),
    provider(target, name) {
      const provider = providers.get(target)?.get(name);
      if (provider !== undefined) return members.has(provider) ? provider : undefined;
      if (members.has(target)) return target;
      return reaching.has(target) ? UNKNOWN : undefined;
    },
    reachesService: (target) => reaching.has(target),
  };
}
