import { printable, serviceLabels, tableOwnership, type Graph, type Plan } from '@seams/graph';
import type { ContractModel } from './contract/build-contract.ts';
import { rewriteImports, type FileEdit, type ManualImport, type RewriteCounts } from './codemod/rewrite-imports.ts';
import { unifiedDiff } from './codemod/unified-diff.ts';
import { contractFile, openApiFile, remoteOperations, schemasFile } from './generate/contract-files.ts';
import { facadeFile } from './generate/facade-file.ts';
import { providersFile } from './generate/provider-files.ts';
import { thrownErrors } from './generate/error-rebuild.ts';
import { manifestFile } from './generate/manifest-file.ts';
import type { GeneratedFile } from './generate/generated-file.ts';
import { packageFiles } from './generate/package-files.ts';
import { reportFile } from './generate/report-file.ts';
import { routingFile } from './generate/routing-file.ts';
import { lambdaFile, operationsFile, type Layout } from './generate/service-files.ts';
import { clientFile } from './generate/client-file.ts';
import { serverFile } from './generate/server-file.ts';
import { findEventBus } from './find-event-bus.ts';
import { serviceApi, type ServiceApi } from './service-api.ts';
import { hasExtractableSurface, nothingToExtract } from './extractable-surface.ts';
import { routeLevelFiles } from './routes/route-files.ts';
import { serviceRoutes, servesRoutes, type ServiceRoute } from './routes/service-routes.ts';

const under = (folder: string, path: string) => (folder === '.' ? path : `${folder}/${path}`);

/** The folders extract generates into, facade then service: their files are neither callers nor the service. */
const generatedFolders = (out: string): [string, string] => [under(out, 'facade'), under(out, 'service')];

export interface ExtractOptions {
  /** Absolute project folder (the graph's root). */
  root: string;
  /** The plan file as the user named it, for headers and the report. */
  planName: string;
  /** Output folder, relative to root ('.' for the root itself; '../x' when the user chose a folder outside it). */
  out: string;
  /** The monolith's tsconfig, relative to root; undefined for a project without one (plain JavaScript). */
  tsconfig: string | undefined;
  /** Name of the monolith, for the service package's name. */
  monolith: string;
  version: string;
  /** Reads a project file (relative path): the only I/O, passed in by the CLI. */
  readFile: (path: string) => string;
  /** The entries an earlier run found (its extraction.json): callers it rewrote import the facade now. */
  previousEntries?: readonly string[];
}

export interface Extraction {
  service: string;
  model: ContractModel;
  api: ServiceApi;
  files: GeneratedFile[];
  edits: FileEdit[];
  diff: string;
  manual: ManualImport[];
  /** The statements the codemod rewrote, by kind. */
  rewritten: RewriteCounts;
  /** Names of the operations the facade can route remote. */
  remoteReady: string[];
  /** False when nothing can go remote: the CLI then explains (`explanation`) and writes nothing unless forced. */
  extractable: boolean;
  /** Why nothing can go remote, one line per entry at the monolith's file and line (empty when extractable). */
  explanation: string[];
  /** The HTTP routes the service's files serve: the routing layer and route server stand in for them. */
  routes: ServiceRoute[];
}

/**
 * Everything one extraction writes and changes, as data: the CLI decides what reaches the disk. The
 * graph and plan have passed checkInputs (the CLI runs it once, before it reads or writes any path).
 */
export async function extractService(
  graph: Graph,
  plan: Plan,
  serviceId: string,
  options: ExtractOptions,
): Promise<Extraction> {
  const generated = generatedFolders(options.out);
  const found = serviceApi(graph, plan, serviceId, generated);
  const known = new Set(graph.files.map((f) => f.path));
  const earlier = (options.previousEntries ?? []).filter((entry) => known.has(entry.slice(0, entry.indexOf('#'))));
  const api = { ...found, entries: [...new Set([...found.entries, ...earlier])].sort() };
  const label = (id: string) => printable(serviceLabels(plan.services)(id));
  const origin = { service: api.id, name: label(api.id), plan: options.planName };
  // ts-morph and its TypeScript take about a second to load: only extract pays for them.
  const { buildContract } = await import('./contract/build-contract.ts');
  const model = buildContract({
    root: options.root,
    ...(options.tsconfig ? { tsconfig: `${options.root}/${options.tsconfig}` } : {}),
    serviceFiles: [...api.files],
    operations: api.entries,
    callerFiles: callerFiles(graph, api.files, generated),
  });
  const layout: Layout = { service: generated[1], facade: generated[0], tsconfig: options.tsconfig };
  const bus = findEventBus(api, graph, options.readFile);
  const facade = facadeFile(origin, model, layout, api.entries, thrownErrors(api, graph, options.readFile), bus);
  const {
    edits,
    manual: unmoved,
    counts,
  } = rewriteImports({
    graph,
    api,
    facadePath: facade.path,
    generated,
    readFile: options.readFile,
  });
  const routes = serviceRoutes(graph, api.files);
  const manual = unmoved.filter((m) => !importsRouter(graph, m, routes));
  const providers = providersFile(origin, model, layout);
  const files: GeneratedFile[] = [
    facade,
    routingFile(origin, `${layout.facade}/routing.ts`),
    contractFile(origin, model, `${layout.service}/src/contract.ts`),
    schemasFile(origin, model, `${layout.service}/src/schemas.ts`),
    operationsFile(origin, model, layout),
    serverFile(origin, layout, bus),
    clientFile(origin, model, layout),
    ...(providers ? [providers] : []),
    lambdaFile(origin, layout),
    ...packageFiles(origin, model, layout, options.monolith),
    openApiFile(origin, model, `${layout.service}/openapi.json`, options.version),
  ];
  const routeLevel = servesRoutes(routes)
    ? routeLevelFiles(origin, { ...layout, edge: under(options.out, 'edge') }, routes, options.readFile)
    : undefined;
  files.push(...(routeLevel?.files ?? []));
  files.push(manifestFile(origin, api, under(options.out, 'extraction.json')));
  const extractable = hasExtractableSurface({ model, routes });
  const data = graph.data?.length || graph.tables?.length ? tableOwnership(graph, plan) : undefined;
  const report = reportFile({
    origin,
    model,
    api,
    bus,
    manual,
    files,
    path: under(options.out, 'EXTRACTION.md'),
    label,
    ...(data ? { data } : {}),
  });
  if (routeLevel) report.content += routeLevel.section;
  return {
    service: api.id,
    model,
    api,
    files: [...files, report],
    edits,
    diff: unifiedDiff(edits),
    manual,
    rewritten: counts,
    remoteReady: remoteOperations(model).map((o) => o.name),
    extractable,
    explanation: extractable ? [] : nothingToExtract({ model }, api),
    routes,
  };
}

// A default import of a file that declares the service's routes is its router being mounted: it stays, since
// the routing layer stands in front of it, so it is nothing for a person to move.
function importsRouter(graph: Pick<Graph, 'edges'>, manual: ManualImport, routes: readonly ServiceRoute[]): boolean {
  const entries = new Set(routes.map((r) => r.entry));
  return graph.edges.some(
    (e) =>
      e.from === manual.file &&
      e.line === manual.line &&
      entries.has(e.to) &&
      e.names?.length === 1 &&
      e.names[0] === 'default',
  );
}

// Files outside the service that import it: the contract looks in their constructors for injected classes.
function callerFiles(graph: Pick<Graph, 'edges'>, files: readonly string[], generated: readonly string[]): string[] {
  const members = new Set(files);
  const isGenerated = (path: string) => generated.some((folder) => path.startsWith(`${folder}/`));
  const callers = graph.edges.filter((e) => members.has(e.to) && !members.has(e.from) && !isGenerated(e.from));
  return [...new Set(callers.map((e) => e.from))].sort();
}
