import type { Plan } from '@seams/graph';
import { groupsOf, type Partition } from './refine.ts';

export interface Kept {
  partition: Partition;
  /** New cluster label -> id and name of the previous service it continues. */
  ids: Map<string, string>;
  names: Map<string, string>;
}

/**
 * Carries a previous plan forward: each previous service continues as the new cluster holding most
 * of its files (keeping its id and the name a person may have given it), and pinned files go back
 * to the service they were pinned in.
 */
export function applyKeep(partition: Partition, previous: Plan | undefined): Kept {
  const kept: Kept = { partition: new Map(partition), ids: new Map(), names: new Map() };
  if (!previous) return kept;
  const groups = groupsOf(partition);
  const overlaps: Array<{ label: string; service: Plan['services'][number]; overlap: number }> = [];
  for (const service of previous.services) {
    const members = new Set(service.files);
    for (const [label, files] of groups) {
      const overlap = files.filter((file) => members.has(file)).length;
      if (overlap > 0) overlaps.push({ label, service, overlap });
    }
  }
  overlaps.sort((a, b) => b.overlap - a.overlap || a.service.id.localeCompare(b.service.id));
  const labelOf = new Map<string, string>();
  for (const { label, service } of overlaps) {
    if (kept.ids.has(label) || labelOf.has(service.id)) continue;
    kept.ids.set(label, service.id);
    kept.names.set(label, service.name);
    labelOf.set(service.id, label);
  }
  for (const service of previous.services) {
    let label = labelOf.get(service.id);
    const pinnedHere = service.files.filter((file) => previous.pinned.includes(file));
    if (pinnedHere.length === 0) continue;
    if (!label) {
      // Every file of it went elsewhere, but pinned ones must stay together under the old service.
      label = `kept:${service.id}`;
      kept.ids.set(label, service.id);
      kept.names.set(label, service.name);
      labelOf.set(service.id, label);
    }
    for (const file of pinnedHere) kept.partition.set(file, label);
  }
  return kept;
}
