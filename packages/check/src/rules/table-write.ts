import { tableOwnership, type Graph, type Plan } from '@seams/graph';
import { fingerprintOf, type Finding } from '../finding.ts';
import type { OwnerOf } from '../ownership.ts';

/**
 * A service writes a table another service owns: the one whose `tables` list in the plan names it,
 * else the one that writes it most (as the report says). One finding per file, table and function,
 * at its first write. Shared-kernel files are no service and are left out: the report lists them.
 */
export function tableWrites(
  graph: Pick<Graph, 'data' | 'tables'>,
  plan: Pick<Plan, 'services'>,
  ownerOf: OwnerOf,
  inScope: (file: string) => boolean,
  label: (id: string) => string,
): Finding[] {
  if (!graph.data?.length) return [];
  const { tables } = tableOwnership(graph, plan);
  const declared = new Set(plan.services.flatMap((service) => service.tables ?? []));
  const owners = new Map(tables.flatMap((table) => (table.owner ? [[table.name, table] as const] : [])));
  const findings = new Map<string, Finding>();
  for (const access of graph.data) {
    const table = owners.get(access.table);
    const writer = ownerOf(access.from);
    const service = writer?.service;
    if (
      access.access !== 'write' ||
      access.test ||
      !table ||
      service === undefined ||
      service === table.owner ||
      !inScope(access.from)
    )
      continue;
    const fingerprint = fingerprintOf('table-write', [
      writer?.movedFrom ?? access.from,
      access.table,
      access.function ?? '',
    ]);
    if (findings.has(fingerprint)) continue;
    const ownerWrite = table.writers.find((writer) => writer.service === table.owner)?.sites[0];
    const how = declared.has(access.table) ? 'owns in the plan' : 'owns (it writes it most)';
    findings.set(fingerprint, {
      rule: 'table-write',
      from: access.from,
      line: access.line,
      to: ownerWrite?.file ?? table.declaredIn?.file ?? access.table,
      specifier: access.table,
      fromService: service,
      toService: table.owner!,
      table: access.table,
      message: `${label(service)} writes the table ${access.table}${access.function ? ` in ${access.function}` : ''}, which ${label(table.owner!)} ${how}`,
      fix: `change it through a call to ${label(table.owner!)}, or give the table to ${label(service)} in the plan (its tables list)`,
      fingerprint,
    });
  }
  return [...findings.values()];
}
