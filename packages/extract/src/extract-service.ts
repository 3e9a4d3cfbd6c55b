import { posix } from 'node:path';
import { printable, serviceLabels, tableOwnership, type Graph, type Plan } from '@seams/graph';
import type { ContractModel } from './contract/build-contract.ts';
import { rewriteImports, type FileEdit, type ManualImport, type RewriteCounts } from './codemod/rewrite-imports.ts';
import { directImports, type DirectImport } from './codemod/direct-imports.ts';
import { declaredAliases } from './codemod/alias-specifier.ts';
import { unifiedDiff } from './codemod/unified-diff.ts';
import { visiblyExports, wholeModuleReads } from './codemod/whole-module-reads.ts';
import { contractFile, openApiFile, remoteOperations, schemasFile } from './generate/contract-files.ts';
import { facadeFile } from './generate/facade-file.ts';
import { providersFile } from './generate/provider-files.ts';
import { instancesFile } from './generate/instance-class-files.ts';
import { thrownErrors } from './generate/error-rebuild.ts';
import { manifestFile } from './generate/manifest-file.ts';
import { operationAccess } from './generate/operation-access.ts';
import type { GeneratedFile } from './generate/generated-file.ts';
import { packageFiles } from './generate/package-files.ts';
import { reportFile } from './generate/report-file.ts';
import { routingFile } from './generate/routing-file.ts';
import { lambdaFile, operationsFile, type Layout } from './generate/service-files.ts';
import { clientFile } from './generate/client-file.ts';
import { serverFile } from './generate/server-file.ts';
import { findEventBus } from './find-event-bus.ts';
import { serviceApi, type ServiceApi } from './service-api.ts';
import { insideScope, toolchainProfile, type Toolchain } from './toolchain/toolchain-profile.ts';
import { ambientFiles } from './toolchain/ambient-files.ts';
import { browserFiles } from './toolchain/browser-files.ts';
import { placeFiles } from './toolchain/place-files.ts';
import { excludeServiceEdit, withOwnExclude } from './toolchain/exclude-service.ts';
import { hasExtractableSurface, nothingToExtract } from './extractable-surface.ts';
import { routeLevelFiles } from './routes/route-files.ts';
import { serviceRoutes, servesRoutes, type ServiceRoute } from './routes/service-routes.ts';

const under = (folder: string, path: string) => (folder === '.' ? path : `${folder}/${path}`);

/**
 * The folders extract generates into, facade then service, then the facade's folder inside the
 * monolith's compilation scope when `out` is outside it: their files are neither callers nor the service.
 */
const generatedFolders = (out: string, scope: string, service: string): string[] => [
  under(out, 'facade'),
  under(out, 'service'),
  ...(insideScope(scope, under(out, 'facade')) ? [] : [under(scope, `extracted/${service}`)]),
];

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
  /** Reads a project file (relative path, '../' allowed for hoisted packages): the only I/O, passed in by the CLI. */
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
  /** The imports of the service's files left in place, with the names they take and why those stay local. */
  direct: DirectImport[];
  /** The statements the codemod rewrote, by kind. */
  rewritten: RewriteCounts;
  /** Names of the operations the facade can route remote. */
  remoteReady: string[];
  /** What the monolith compiles with, as extract read it. */
  toolchain: Toolchain;
  /** The folder the facade went to: inside the monolith's compilation scope, which may be outside `out`. */
  facadeFolder: string;
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
  const toolchain = toolchainProfile({
    root: options.root,
    tsconfig: options.tsconfig,
    serviceFiles: plan.services.find((s) => s.id === serviceId || s.name === serviceId)?.files ?? [],
    internalSpecifiers: graph.edges.map((edge) => edge.specifier),
    readFile: (path) => {
      try {
        return options.readFile(path);
      } catch {
        return undefined;
      }
    },
  });
  const generated = generatedFolders(options.out, toolchain.scope, serviceId);
  const found = serviceApi(graph, plan, serviceId, generated);
  const known = new Set(graph.files.map((f) => f.path));
  const earlier = (options.previousEntries ?? []).filter((entry) => known.has(entry.slice(0, entry.indexOf('#'))));
  const whole = wholeModuleReads({ graph, files: found.files, generated, readFile: options.readFile });
  // A JavaScript file's exports are what its text assigns: a name the graph credits to it otherwise (a
  // CommonJS barrel's `exports.users = require('./users')`) is not the facade's to serve.
  const visible = (entry: string) =>
    !/\.[cm]?jsx?$/.test(entry.slice(0, entry.indexOf('#'))) ||
    visiblyExports(options.readFile, entry.slice(0, entry.indexOf('#')), entry.slice(entry.indexOf('#') + 1));
  const entries = [...new Set([...found.entries, ...earlier, ...whole])].filter(visible).sort();
  // A browser bundle's files are another program: neither the service's server code nor callers of its facade.
  const browser = browserFiles(graph, options.readFile);
  const onServer = (path: string) => !browser.only.has(path);
  const api = {
    ...found,
    files: found.files.filter(onServer),
    entries: entries.filter((entry) => onServer(entry.slice(0, entry.indexOf('#')))),
  };
  const label = (id: string) => printable(serviceLabels(plan.services)(id));
  const origin = { service: api.id, name: label(api.id), plan: options.planName };
  // ts-morph and its TypeScript take about a second to load: only extract pays for them.
  const { buildContract } = await import('./contract/build-contract.ts');

  const built = buildContract({
    root: options.root,
    ...(options.tsconfig ? { tsconfig: `${options.root}/${options.tsconfig}` } : {}),
    serviceFiles: [...api.files],
    operations: api.entries,
    callerFiles: callerFiles(graph, api.files, generated),
  });
  // Whether each operation only reads decides whether shadow mode replays it: the graph's table accesses say (in its
  // body or the functions it calls), else its name.
  const operations = built.operations.map((o) => ({
    ...o,
    access: operationAccess(o, graph.data, built.callees?.[o.name]),
  }));
  const model = { ...built, operations };
  const layout: Layout = { service: generated[1]!, facade: generated[0]!, tsconfig: options.tsconfig, toolchain };
  const bus = findEventBus(api, graph, options.readFile);
  const { routed, ...facade } = facadeFile(
    origin,
    model,
    layout,
    api.entries,
    thrownErrors(api, graph, options.readFile),
    bus,
  );
  const routing = routingFile(origin, `${layout.facade}/routing.ts`);
  const placed = placeFiles([facade], facadeSide(toolchain, layout, api.id, [facade.path]))[0]!;
  const aliases = declaredAliases(options.root, options.tsconfig, options.readFile);
  const rewrite = (rewritten: (path: string) => boolean) =>
    rewriteImports({
      graph: { ...graph, files: graph.files.filter((file) => rewritten(file.path)) },
      api,
      facadePath: placed.path,
      extension: toolchain.relativeExtension,
      typeEntries: new Set(model.others.filter((o) => o.kind === 'type').map((o) => o.entry)),
      routed,
      tests: new Set(plan.shared.filter((s) => s.group === 'tests').map((s) => s.path)),
      aliases,
      generated,
      readFile: options.readFile,
    });
  const { edits, manual: unmoved, counts, ownTests } = rewrite((path) => onServer(path) && !browser.shared.has(path));
  // A module the browser bundle loads too would load the facade there, which runs on Node: it is left, and said.
  unmoved.push(...rewrite((path) => browser.shared.has(path)).edits.map(sharedWithBrowser));
  unmoved.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  // The service builds on its own: a monolith's tsconfig that takes in every file leaves its folder out.
  const excluded =
    toolchain.language === 'ts' ? excludeServiceEdit(options.tsconfig, layout.service, options.readFile) : undefined;
  if (excluded) edits.push(excluded);
  const direct = directImports({
    graph,
    members: new Set(api.files),
    routed,
    skip: (path) =>
      !onServer(path) ||
      browser.shared.has(path) ||
      ownTests.includes(path) ||
      generated.some((g) => path.startsWith(`${g}/`)),
    textAfter: (path) => {
      try {
        return edits.find((edit) => edit.path === path)?.after ?? options.readFile(path);
      } catch {
        return undefined;
      }
    },
    why: (entry) => stayReason(model, api.entries, entry),
  });
  const declared = serviceRoutes(graph, api.files);
  const manual = unmoved.filter((m) => !importsRouter(graph, m, declared));
  const routeLevel = servesRoutes(declared)
    ? await routeLevelFiles(
        origin,
        { ...layout, edge: under(options.out, 'edge'), placed: posix.dirname(placed.path) },
        declared,
        {
          graph,
          readFile: options.readFile,
        },
      )
    : undefined;
  const routes = routeLevel?.routes ?? declared;
  const providers = providersFile(origin, model, layout, routeLevel?.nest);
  const instances = instancesFile(origin, model, layout);
  const files: GeneratedFile[] = [
    facade,
    routing,
    contractFile(origin, model, `${layout.service}/src/contract.ts`),
    schemasFile(origin, model, `${layout.service}/src/schemas.ts`),
    operationsFile(origin, model, layout),
    serverFile(origin, layout, bus),
    clientFile(origin, model, layout),
    ...(providers ? [providers] : []),
    ...(instances ? [instances] : []),
    lambdaFile(origin, layout),
    ...packageFiles(
      origin,
      model,
      layout,
      options.monolith,
      serviceDependencies(graph, api.files, options.readFile, routeLevel?.packages),
      options.tsconfig
        ? ambientFiles(
            graph,
            plan,
            options.tsconfig,
            (path) => onServer(path) && !generated.some((g) => path.startsWith(`${g}/`)),
            options.readFile,
          )
        : [],
    ),
    openApiFile(origin, model, `${layout.service}/openapi.json`, options.version),
  ];
  files.push(...(routeLevel?.files ?? []));
  const placement = facadeSide(
    toolchain,
    layout,
    api.id,
    files.map((f) => f.path),
  );
  // The service's tsconfig extends the monolith's: the exclude it would inherit now names the service itself.
  const ownTsconfig = (f: GeneratedFile) => excluded !== undefined && f.path === `${layout.service}/tsconfig.json`;
  const fitted = placeFiles(files, placement).map((f) =>
    ownTsconfig(f) ? { ...f, content: withOwnExclude(f.content) } : f,
  );
  files.splice(0, files.length, ...fitted);
  files.push(manifestFile(origin, api, under(options.out, 'extraction.json'), remoteOperations(model)));
  const extractable = hasExtractableSurface({ model, routes });
  const data = graph.data?.length || graph.tables?.length ? tableOwnership(graph, plan) : undefined;
  const report = reportFile({
    origin,
    model,
    api,
    bus,
    manual,
    direct,
    ownTests,
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
    direct,
    rewritten: counts,
    remoteReady: remoteOperations(model).map((o) => o.name),
    toolchain,
    facadeFolder: placement.folder,
    extractable,
    explanation: extractable
      ? []
      : found.files.length > 0 && api.files.length === 0
        ? [
            '  its files run only in a browser bundle (a bundler or package.json names them, the server never imports them)',
          ]
        : nothingToExtract({ model }, api),
    routes,
  };
}

// The import the codemod would have pointed at the facade in a file a browser bundle loads too: its first changed line.
function sharedWithBrowser(edit: FileEdit): ManualImport {
  const [before, after] = [edit.before.split('\n'), edit.after.split('\n')];
  const line = before.findIndex((text, i) => text !== after[i]) + 1;
  return {
    file: edit.path,
    line,
    reason: "a browser bundle loads this file too, and the facade runs only on Node: it keeps the service's module",
  };
}

/**
 * Where the files the monolith compiles go. The facade folder moves into the compilation scope when
 * `out` is outside it; the client and the contract's types join it when the monolith cannot
 * compile them in the service's folder (outside its scope, without Node's types, or as TypeScript
 * in a JavaScript monolith).
 */
function facadeSide(toolchain: Toolchain, layout: Layout, service: string, paths: readonly string[]) {
  const folder = insideScope(toolchain.scope, layout.facade)
    ? layout.facade
    : under(toolchain.scope, `extracted/${service}`);
  const facadeFiles = paths.filter((path) => path.startsWith(`${layout.facade}/`));
  const moves = new Map(facadeFiles.map((path) => [path, `${folder}/${path.slice(layout.facade.length + 1)}`]));
  const separate = folder !== layout.facade || toolchain.nodeTypes === 'missing' || toolchain.language === 'js';
  const client = `${layout.service}/src/client.ts`;
  const contract = `${layout.service}/src/contract.ts`;
  if (separate) moves.set(client, `${folder}/${service}.client.ts`);
  if (separate && toolchain.language === 'ts') moves.set(contract, `${folder}/${service}.contract.ts`);
  const monolithSide = new Set([...facadeFiles, client, ...(toolchain.language === 'ts' ? [contract] : [])]);
  return { folder, moves, monolithSide, toolchain };
}

// A default import of a file that declares the service's routes is its router being mounted: it stays, since
// the routing layer stands in front of it, so it is nothing for a person to move.
// Why a caller's name stays with the monolith's copy: the facade does not route it.
function stayReason(model: ContractModel, served: readonly string[], entry: string): string {
  const [file, name] = [entry.slice(0, entry.lastIndexOf('#')), entry.slice(entry.lastIndexOf('#') + 1)];
  if (model.operations.some((o) => o.file === file && o.name === name)) {
    const blocker = model.blockers.find((b) => b.file === file && b.operation === name);
    return blocker ? `not remote-ready: ${blocker.kind}` : 'not remote-ready';
  }
  const other = model.others.find((o) => o.entry === entry);
  if (other) return other.kind === 'type' ? 'a type' : other.kind === 'class' ? 'a class' : 'a value';
  return served.includes(entry) ? 'not routed' : 'not served by the facade';
}

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

// The packages the service's files and its generated route server import, at the monolith's versions.
function serviceDependencies(
  graph: Pick<Graph, 'externals'>,
  files: readonly string[],
  readFile: (path: string) => string,
  generatedUses: readonly string[] = [],
): Record<string, string> {
  let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = {};
  try {
    manifest = JSON.parse(readFile('package.json')) as typeof manifest;
  } catch {
    return {};
  }
  const members = new Set(files);
  const wanted = { ...manifest.devDependencies, ...manifest.dependencies };
  const used = [
    ...graph.externals.filter((e) => members.has(e.from) && !e.builtin).map((e) => e.package),
    ...generatedUses,
  ];
  const found: Record<string, string> = {};
  for (const name of [...new Set(used)].sort()) if (typeof wanted[name] === 'string') found[name] = wanted[name];
  return found;
}

// Files outside the service that import it: the contract looks in their constructors for injected classes.
function callerFiles(graph: Pick<Graph, 'edges'>, files: readonly string[], generated: readonly string[]): string[] {
  const members = new Set(files);
  const isGenerated = (path: string) => generated.some((folder) => path.startsWith(`${folder}/`));
  const callers = graph.edges.filter((e) => members.has(e.to) && !members.has(e.from) && !isGenerated(e.from));
  return [...new Set(callers.map((e) => e.from))].sort();
}
