// pnpm eval: scores seams' plans against ground truths, beside the baselines, on every monolith at hand.
import { analyze } from '@seams/analyze';
import { comparePartitions, proposeBoundaries, readTruthTsv, type Agreement } from '@seams/boundaries';
import { sharedTableCount, tableOwnership, type Graph, type Plan } from '@seams/graph';
import { folderTree, plainLouvain } from './baselines.ts';
import { listMonoliths, truthOf } from './monoliths.ts';

const SEED = 42;

interface Row {
  method: string;
  services: number;
  ms: number;
  agreement: Agreement;
  /** Tables written from more than one service: what the data signal is for (only when the graph has table accesses). */
  sharedTables?: number;
}

function assignmentOf(plan: Plan): Map<string, string> {
  const assignment = new Map<string, string>();
  for (const service of plan.services) for (const file of service.files) assignment.set(file, service.id);
  for (const file of plan.shared) assignment.set(file.path, 'shared');
  return assignment;
}

function timed(method: string, run: () => Map<string, string>, truth: Map<string, string>, graph: Graph): Row {
  const start = performance.now();
  const candidate = run();
  const ms = performance.now() - start;
  const row: Row = {
    method,
    services: new Set(candidate.values()).size,
    ms,
    agreement: comparePartitions(truth, candidate),
  };
  if (graph.data?.length) row.sharedTables = sharedTables(graph, candidate);
  return row;
}

function sharedTables(graph: Graph, assignment: ReadonlyMap<string, string>): number {
  const files = new Map<string, string[]>();
  for (const [file, service] of assignment)
    if (service !== 'shared') (files.get(service) ?? files.set(service, []).get(service)!).push(file);
  return sharedTableCount(
    tableOwnership(graph, { services: [...files].map(([id, serviceFiles]) => ({ id, files: serviceFiles })) }),
  );
}

function seams(graph: Graph, signals?: string[]): () => Map<string, string> {
  return () => assignmentOf(proposeBoundaries(graph, { seed: SEED, ...(signals ? { signals } : {}) }));
}

function print(name: string, graph: Graph, truth: Map<string, string>, rows: Row[]): void {
  console.log(
    `\n${name}: ${graph.files.length} files, ${truth.size} with a known domain in ${new Set(truth.values()).size} domains`,
  );
  const tables = graph.data?.length ? '  shared tables' : '';
  console.log(`  method                      services    ARI    NMI  MoJoFM     ms${tables}`);
  for (const row of rows) {
    const a = row.agreement;
    const shared = row.sharedTables === undefined ? '' : String(row.sharedTables).padStart(15);
    console.log(
      `  ${row.method.padEnd(26)} ${String(row.services).padStart(9)} ${a.ari.toFixed(3).padStart(6)} ${a.nmi.toFixed(3).padStart(6)} ${a.mojoFm.toFixed(1).padStart(7)} ${row.ms.toFixed(0).padStart(6)}${shared}`,
    );
  }
  if (tables)
    console.log('  shared tables: tables written from more than one service of the plan (the shared-database problem)');
  const [ours, imports, plain] = rows;
  if (ours && imports && plain) {
    const ratio = (x: number) => (plain.agreement.ari > 0 ? `${(x / plain.agreement.ari).toFixed(1)}x` : 'n/a');
    console.log(
      `  ARI vs plain Louvain: default ${ratio(ours.agreement.ari)}, imports only ${ratio(imports.agreement.ari)}`,
    );
  }
}

for (const monolith of listMonoliths()) {
  const graph = await analyze({
    root: monolith.dir,
    exclude: monolith.exclude,
    cache: true,
    history: monolith.history ?? false,
  });
  const truth = truthOf(
    monolith,
    graph.files.map((f) => f.path),
    readTruthTsv,
  );
  // What each evidence beyond the code adds, where the monolith has it: the default without it, it alone, and imports with it.
  const extra = [...(monolith.history ? ['cochange'] : []), ...(graph.data?.length ? ['data'] : [])];
  const extraRows = extra.flatMap((signal) => [
    timed(
      `seams without ${signal}`,
      seams(graph, ['imports', 'names', 'paths', ...extra.filter((s) => s !== signal)]),
      truth,
      graph,
    ),
    timed(`seams --signals ${signal}`, seams(graph, [signal]), truth, graph),
    timed(`seams imports,${signal}`, seams(graph, ['imports', signal]), truth, graph),
  ]);
  print(monolith.name, graph, truth, [
    timed('seams (default signals)', seams(graph), truth, graph),
    timed('seams --signals imports', seams(graph, ['imports']), truth, graph),
    timed('plain Louvain (baseline)', () => plainLouvain(graph, SEED), truth, graph),
    timed('seams --signals names', seams(graph, ['names']), truth, graph),
    timed('seams --signals paths', seams(graph, ['paths']), truth, graph),
    timed('folder tree (baseline)', () => folderTree(graph), truth, graph),
    ...extraRows,
  ]);
}
