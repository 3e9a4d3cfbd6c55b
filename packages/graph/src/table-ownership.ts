import type { DataAccess } from './data-schema.ts';
import type { Plan } from './plan-schema.ts';
import type { Graph } from './schema.ts';
import { suggestPattern, type TablePattern } from './table-pattern.ts';

export interface AccessSite {
  file: string;
  line: number;
  function?: string;
}

/** One party touching a table: a service, or (no `service`) shared-kernel and unplanned files. */
export interface TableParty {
  service?: string;
  sites: AccessSite[];
}

export interface TableUse {
  name: string;
  /**
   * The service that writes it (the one with most write sites when several do); absent when no service writes it, or
   * the shared kernel writes it most.
   */
  owner?: string;
  writers: TableParty[];
  readers: TableParty[];
  /** Where a model or schema declares it, when one does. */
  declaredIn?: { file: string; line: number };
  /** How to untie it, when parties other than its owner touch it. */
  pattern?: TablePattern;
}

/** One function writing tables of two or more owners: a local transaction a split would make distributed. */
export interface CrossServiceTransaction {
  file: string;
  function: string;
  /** The service of the file; absent for a shared-kernel file. */
  service?: string;
  writes: Array<{ table: string; owner?: string; lines: number[] }>;
}

/** A foreign key between tables whose owners differ: a join or a constraint that becomes an API call or an id. */
export interface CrossServiceForeignKey {
  table: string;
  owner?: string;
  references: string;
  referencedOwner?: string;
}

export interface TableOwnership {
  tables: TableUse[];
  transactions: CrossServiceTransaction[];
  foreignKeys: CrossServiceForeignKey[];
}

// The plan's groups of files that are no service whose table accesses are not the app's (plan-schema.ts, `group`).
const NOT_RUNTIME = new Set(['tests', 'migrations']);

/**
 * Who owns which table under a plan: the service whose `tables` list names it, else, from the
 * graph's data accesses, the service that writes it (the most write sites when several do, ties to
 * the first service in the plan); none when the shared kernel writes it most. A table several
 * parties write is the shared-database problem. Pure: graph and plan in, facts out.
 */
export function tableOwnership(
  graph: Pick<Graph, 'data' | 'tables'>,
  plan: {
    services: ReadonlyArray<Pick<Plan['services'][number], 'id' | 'files' | 'tables'>>;
    shared?: ReadonlyArray<Pick<Plan['shared'][number], 'path' | 'group'>>;
  },
): TableOwnership {
  const serviceOf = new Map(
    plan.services.flatMap((service) => service.files.map((path) => [path, service.id] as const)),
  );
  const rank = new Map(plan.services.map((service, i) => [service.id, i]));
  const declaredOwner = new Map(
    plan.services.flatMap((service) => (service.tables ?? []).map((table) => [table, service.id] as const)),
  );
  // What tests touch says nothing about who owns a table (data-schema.ts, `test`), nor do migrations and seeds,
  // which create, alter and fill every table: the plan sets them apart as groups that are no service.
  const notRuntime = new Set(
    (plan.shared ?? []).filter((file) => file.group && NOT_RUNTIME.has(file.group)).map((file) => file.path),
  );
  const appData = (graph.data ?? []).filter((access) => !access.test && !notRuntime.has(access.from));
  const accesses = Map.groupBy(appData, (access) => access.table);
  const declared = new Map(
    (graph.tables ?? []).flatMap((table) => (table.models[0] ? [[table.name, table.models[0]] as const] : [])),
  );
  const names = [...new Set([...accesses.keys(), ...declared.keys(), ...declaredOwner.keys()])].sort();
  const tables = names.map((name): TableUse => {
    const all = accesses.get(name) ?? [];
    const writers = partiesOf(
      all.filter((a) => a.access === 'write'),
      serviceOf,
      rank,
    );
    const readers = partiesOf(
      all.filter((a) => a.access === 'read'),
      serviceOf,
      rank,
    );
    // Parties are in plan order, the shared kernel last: a stable sort breaks ties by it. When the kernel
    // writes most, the table stays with it, as the kernel's code does. A person's word in the plan wins.
    const owner = declaredOwner.get(name) ?? [...writers].sort((a, b) => b.sites.length - a.sites.length)[0]?.service;
    const model = declared.get(name);
    const use: TableUse = {
      name,
      ...(owner ? { owner } : {}),
      writers,
      readers,
      ...(model ? { declaredIn: { file: model.from, line: model.line } } : {}),
    };
    const pattern = suggestPattern(use);
    return pattern ? { ...use, pattern } : use;
  });
  const ownerOf = new Map(tables.flatMap((t) => (t.owner ? [[t.name, t.owner] as const] : [])));
  return {
    tables,
    transactions: transactionsOf(appData, ownerOf, serviceOf),
    foreignKeys: foreignKeysOf(graph, ownerOf),
  };
}

function partiesOf(
  accesses: readonly DataAccess[],
  serviceOf: ReadonlyMap<string, string>,
  rank: ReadonlyMap<string, number>,
): TableParty[] {
  const parties = Map.groupBy(accesses, (access) => serviceOf.get(access.from));
  const order = (service: string | undefined) => (service === undefined ? Number.MAX_SAFE_INTEGER : rank.get(service)!);
  return [...parties]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([service, sites]) => ({
      ...(service !== undefined ? { service } : {}),
      sites: sites.map(({ from, line, function: fn }) => ({ file: from, line, ...(fn ? { function: fn } : {}) })),
    }));
}

function transactionsOf(
  data: readonly DataAccess[],
  ownerOf: ReadonlyMap<string, string>,
  serviceOf: ReadonlyMap<string, string>,
): CrossServiceTransaction[] {
  const inFunctions = data.filter((access) => access.access === 'write' && access.function);
  const byFunction = Map.groupBy(inFunctions, (access) => `${access.from}\u0000${access.function}`);
  const transactions: CrossServiceTransaction[] = [];
  for (const writes of byFunction.values()) {
    const owners = new Set(writes.map((w) => ownerOf.get(w.table)));
    if (owners.size < 2) continue;
    const { from, function: fn } = writes[0]!;
    const tables = Map.groupBy(writes, (write) => write.table);
    const service = serviceOf.get(from);
    transactions.push({
      file: from,
      function: fn!,
      ...(service ? { service } : {}),
      writes: [...tables].map(([table, sites]) => ({
        table,
        ...(ownerOf.has(table) ? { owner: ownerOf.get(table)! } : {}),
        lines: sites.map((site) => site.line),
      })),
    });
  }
  return transactions;
}

function foreignKeysOf(graph: Pick<Graph, 'tables'>, ownerOf: ReadonlyMap<string, string>): CrossServiceForeignKey[] {
  const keys: CrossServiceForeignKey[] = [];
  for (const table of graph.tables ?? []) {
    for (const references of new Set(table.models.flatMap((model) => model.references ?? []))) {
      const owner = ownerOf.get(table.name);
      const referencedOwner = ownerOf.get(references);
      if (owner === referencedOwner) continue;
      keys.push({
        table: table.name,
        ...(owner ? { owner } : {}),
        references,
        ...(referencedOwner ? { referencedOwner } : {}),
      });
    }
  }
  return keys;
}

/** Whether a party is the table's owner: its owning service, or the shared kernel when no service owns it. */
export function isTableOwner(party: TableParty, table: TableUse): boolean {
  return table.owner ? party.service === table.owner : party.service === undefined;
}

/** How many tables more than one service writes: the shared-database problem a plan leaves. */
export function sharedTableCount(ownership: TableOwnership): number {
  return ownership.tables.filter((table) => table.writers.filter((writer) => writer.service !== undefined).length > 1)
    .length;
}
