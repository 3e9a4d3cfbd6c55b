import { posix } from 'node:path';
import { entryPath, isEntryGlob, matchingEntryPattern, serviceLabels, type Plan, type Service } from '@seams/graph';

/** Whether other services may import `file` of `service`. */
export type IsEntry = (file: string, service: string) => boolean;

/**
 * A service's entries are the files its `public` list names, by path or glob (`src/orders/api/**`),
 * among its own files: a pattern never opens another service's file. A service without `public`
 * has no entries, so every import into it from another service is reported (see NOTES.md).
 */
export function entriesOf(services: readonly Pick<Service, 'id' | 'public'>[]): IsEntry {
  const patterns = new Map(services.map((service) => [service.id, compile(service.public ?? [])]));
  return (file, service) => patterns.get(service)?.(file) ?? false;
}

function compile(patterns: readonly string[]): (file: string) => boolean {
  const paths = new Set<string>();
  const globs: string[] = [];
  for (const pattern of patterns) {
    const path = entryPath(pattern);
    if (isEntryGlob(path)) globs.push(path);
    else paths.add(path);
  }
  if (globs.length === 0) return (file) => paths.has(file);
  // Every import of a file asks again; a glob match costs far more than a lookup.
  const matched = new Map<string, boolean>();
  return (file) => {
    let entry = matched.get(file);
    if (entry === undefined)
      matched.set(file, (entry = paths.has(file) || globs.some((glob) => posix.matchesGlob(file, glob))));
    return entry;
  };
}

/**
 * One warning per `public` pattern that makes none of its service's files an entry (a typo, a file
 * moved or deleted since): the service has fewer entries than its plan says, so imports meant to go
 * through that pattern are reported as internal. A service's files are those the plan lists and the
 * project's files no service lists (check counts those in a service by their folder).
 */
export function unmatchedEntries(plan: Pick<Plan, 'services'>, files: readonly { path: string }[]): string[] {
  const label = serviceLabels(plan.services);
  const planned = new Set(plan.services.flatMap((service) => service.files));
  const unplanned = files.map((file) => file.path).filter((path) => !planned.has(path));
  const warnings: string[] = [];
  for (const service of plan.services) {
    const candidates = [...service.files, ...unplanned];
    for (const pattern of service.public ?? [])
      if (!candidates.some((file) => matchingEntryPattern([pattern], file)))
        warnings.push(
          `the public list of ${label(service.id)} names '${pattern}', which matches none of its files: fix or drop it`,
        );
  }
  return warnings;
}
