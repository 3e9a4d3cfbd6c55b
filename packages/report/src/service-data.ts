import type { TableOwnership } from '@seams/graph';
import type { ServiceData } from './report-model.ts';

/**
 * Each service's tables from the plan's table ownership: owned, written though another's, read from another, and the
 * accesses crossing its boundary.
 */
export function serviceData(ownership: TableOwnership, serviceIds: readonly string[]): Map<string, ServiceData> {
  const data = new Map(
    serviceIds.map((id): [string, ServiceData] => [id, { owns: [], alsoWrites: [], reads: [], crossing: 0 }]),
  );
  for (const table of ownership.tables) {
    const owner = table.owner ? { owner: table.owner } : {};
    if (table.owner) data.get(table.owner)!.owns.push(table.name);
    // A site crossing the boundary is work on both sides: the owner opens an API, the other calls it.
    for (const party of [...table.writers, ...table.readers]) {
      if (party.service === table.owner) continue;
      if (party.service) data.get(party.service)!.crossing += party.sites.length;
      if (table.owner) data.get(table.owner)!.crossing += party.sites.length;
    }
    const writers = new Set(
      table.writers.flatMap((party) => (party.service && party.service !== table.owner ? [party.service] : [])),
    );
    for (const service of writers) data.get(service)!.alsoWrites.push({ table: table.name, ...owner });
    for (const party of table.readers) {
      if (party.service && party.service !== table.owner && !writers.has(party.service))
        data.get(party.service)!.reads.push({ table: table.name, ...owner });
    }
  }
  return data;
}
