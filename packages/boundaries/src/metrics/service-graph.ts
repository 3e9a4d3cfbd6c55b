import type { Assignment } from '../dependencies.ts';
import type { MetricInput } from './types.ts';

/** A counted dependency: both files in services, not a self-dependency. */
interface ServiceDependency {
  from: string;
  to: string;
  calls: number;
  names: readonly string[];
  fromService: string;
  toService: string;
}

/** The input reduced to what every metric counts. */
export interface ServiceGraph {
  /** Service id -> its files; both in code-unit order so every derived list is deterministic. */
  members: ReadonlyMap<string, readonly string[]>;
  serviceOf: Assignment;
  dependencies: readonly ServiceDependency[];
}

/** Drops self-dependencies and dependencies touching files outside services; groups files by service. */
export function buildServiceGraph({ dependencies, assignment }: MetricInput): ServiceGraph {
  const grouped = new Map<string, string[]>();
  for (const [file, service] of assignment) {
    const files = grouped.get(service);
    if (files) files.push(file);
    else grouped.set(service, [file]);
  }
  const members = new Map([...grouped.keys()].sort().map((service) => [service, grouped.get(service)!.sort()]));

  // One dependency per file pair is promised, but merging repeats keeps the unweighted counts
  // (and so densities) bounded if a caller concatenates lists.
  const merged = new Map<string, ServiceDependency>();
  for (const dependency of dependencies) {
    const { from, to, calls, names } = dependency;
    const fromService = assignment.get(from);
    const toService = assignment.get(to);
    if (from === to || fromService === undefined || toService === undefined) continue;
    const key = `${from}\0${to}`;
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? { ...seen, calls: seen.calls + calls, names: [...new Set([...seen.names, ...names])] }
        : { from, to, calls, names, fromService, toService },
    );
  }
  return { members, serviceOf: assignment, dependencies: [...merged.values()] };
}

/** The file part of a `file#name` entry, and the entry itself; a bare name is taken as declared by `fallback`. */
export function splitName(name: string, fallback: string): { file: string; entry: string } {
  // Identifiers cannot contain '#' (only rare string-literal export names can), paths occasionally do.
  const at = name.lastIndexOf('#');
  return at > 0 ? { file: name.slice(0, at), entry: name } : { file: fallback, entry: `${fallback}#${name}` };
}
