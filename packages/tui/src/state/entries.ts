import { entryPath, matchingEntryPattern, type Plan, type Service } from '@seams/graph';

/** The pattern of the service's `public` list that makes `file` one of its entries, if any (as check reads it). */
export const entryPattern = (service: Pick<Service, 'public'>, file: string): string | undefined =>
  matchingEntryPattern(service.public ?? [], file);

/** The service's own files that other services may import, as `seams check` sees them. */
export const entryFiles = (service: Service): string[] =>
  service.files.filter((file) => entryPattern(service, file) !== undefined);

/** Why a file cannot be made an entry or stop being one by itself; undefined when it can. */
export function entryRefusal(plan: Plan, file: string): string | undefined {
  const service = plan.services.find((s) => s.files.includes(file));
  if (!service)
    return plan.shared.some((s) => s.path === file)
      ? 'a file of the shared group is open to every service already'
      : 'the file is in no service';
  const pattern = entryPattern(service, file);
  if (pattern !== undefined && entryPath(pattern) !== file)
    return `an entry through '${pattern}': edit that pattern in the plan to change it`;
  return undefined;
}

/**
 * The plan with `file` added to or taken off its service's `public` list (the one path, never a
 * glob). An empty list is dropped: absent and empty both mean "no entries".
 */
export function toggleEntry(plan: Plan, file: string): Plan {
  if (entryRefusal(plan, file)) return plan;
  return {
    ...plan,
    services: plan.services.map((service) => {
      if (!service.files.includes(file)) return service;
      const listed = service.public ?? [];
      const next = entryPattern(service, file)
        ? listed.filter((pattern) => entryPath(pattern) !== file)
        : [...listed, file];
      const { public: _listed, ...rest } = service;
      if (next.length === 0) return rest;
      // Where the schema has it, so a saved plan reads the same after the edit.
      const { id, name, files, confidence, metrics, ...after } = rest;
      return { id, name, files, confidence, metrics, public: next, ...after };
    }),
  };
}
