import { compareCodeUnits } from './code-unit-order.ts';
import type { NameUse } from './file-dependencies.ts';
import type { ServiceCard } from './report-model.ts';

export type ApiEntry = ServiceCard['publicApi'][number];

/**
 * Service id -> the names its files declare that files of other services import, with the calling
 * files, sorted by file then name. A name counts as type-only when no value import uses it.
 */
export function publicApis(uses: readonly NameUse[], serviceOf: ReadonlyMap<string, string>): Map<string, ApiEntry[]> {
  const entries = new Map<
    string,
    { service: string; name: string; file: string; callers: Set<string>; typeOnly: boolean }
  >();
  for (const use of uses) {
    const owner = serviceOf.get(use.to);
    const caller = serviceOf.get(use.from);
    if (owner === undefined || caller === undefined || owner === caller) continue;
    const key = `${use.to}#${use.name}`;
    const entry = entries.get(key) ?? {
      service: owner,
      name: use.name,
      file: use.to,
      callers: new Set<string>(),
      typeOnly: true,
    };
    entry.callers.add(use.from);
    entry.typeOnly &&= use.type;
    entries.set(key, entry);
  }
  const byService = new Map<string, ApiEntry[]>();
  const sorted = [...entries.values()].sort(
    (a, b) => compareCodeUnits(a.file, b.file) || compareCodeUnits(a.name, b.name),
  );
  for (const { service, name, file, callers, typeOnly } of sorted) {
    const list = byService.get(service) ?? [];
    list.push({ name, file, callers: [...callers].sort(compareCodeUnits), typeOnly });
    byService.set(service, list);
  }
  return byService;
}
