import { realpathSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { GRAPH_VERSION, SEAMS_VERSION, timeSteps, type StepTimer, type Edge, type External, type FileNode, type Graph, type ParseErrorEntry, type ProgressListener, type Unresolved } from '@seams/graph';
import { statSync } from 'node:fs';
import { loadFacts, loadGraph, saveFacts, saveGraph, type FactsCache, type GraphCache } from './cache.ts';
import { discoverFiles } from './discover-files.ts';
import type { FileFacts } from './facts.ts';
import { fingerprintOf } from './fingerprint.ts';
import { linkFiles } from './link-files.ts';
import { NEEDS_PARSER, readFacts, type Parse } from './read-facts.ts';
import { createBarrelTracer, providersOf } from './trace-barrels.ts';
import { findWorkspaces, type WorkspacePackage } from './workspaces.ts';

export interface AnalyzeOptions {
  root: string;
  include?: readonly string[];
  exclude?: readonly string[];
  /** Use and update the cache (default true). */
  cache?: boolean;
  /** Where the cache lives; default `<root>/.seams/cache`. */
  cacheDir?: string;
  /** Files larger than this are recorded as skipped (default 4 MB). */
  maxFileBytes?: number;
  gitignore?: boolean;
  onProgress?: ProgressListener;
}

/** The part of the graph computed from facts; cached whole for an unchanged tree. */
interface GraphParts {
  parseErrors: ParseErrorEntry[];
  files: FileNode[];
  edges: Edge[];
  externals: External[];
  unresolved: Unresolved[];
  workspaces: Graph['workspaces'];
  warnings: string[];
}

/**
 * Builds the dependency graph of a source tree: discover files, read and parse them (cached),
 * find workspaces, resolve every reference, trace barrels. An unchanged tree reuses the last graph.
 */
export async function analyze(options: AnalyzeOptions): Promise<Graph> {
  const emit = options.onProgress ?? (() => {});
  const { timings, step, stepAsync } = timeSteps(emit);
  const started = performance.now();
  const requested = resolvePath(options.root);
  const discovered = step('discover', () => discoverFiles(requested, options));
  const root = realpathSync(requested);
  emit({ type: 'files-found', total: discovered.files.length });
  for (const message of discovered.warnings) emit({ type: 'warning', message });

  const maxFileBytes = options.maxFileBytes ?? 4 * 1024 * 1024;
  const cacheDir = options.cacheDir ?? join(root, '.seams', 'cache');
  const useCache = options.cache !== false;
  const fingerprint = fingerprintOf(root, discovered, { maxFileBytes });
  const stats = useCache ? statAll(root, discovered.files) : new Map();
  const previous = useCache ? loadGraph(cacheDir) : undefined;
  let parts: GraphParts;
  if (previous && isUnchanged(previous, fingerprint, stats)) {
    parts = step('reuse', () => previous.parts as GraphParts);
  } else {
    const cache = useCache ? loadFacts(cacheDir) : undefined;
    const { facts, parsed } = await stepAsync('parse', () => readAll(root, discovered.files, cache, stats, maxFileBytes, emit));
    // Unreadable, binary and oversized files are reported, not graphed: they have no module structure to show.
    const errors = parseErrors(facts);
    for (const error of errors) if (error.line === 0) facts.delete(error.path);
    parts = await buildParts(root, facts, errors, findWorkspaces(root, discovered.packageJsons), step);
    if (cache) {
      step('cache', () => {
        const present = new Set(discovered.files);
        for (const key of cache.keys()) if (!present.has(key)) cache.delete(key);
        save(cacheDir, parsed > 0 || cache.size !== present.size ? cache : undefined, { fingerprint, stats, parts }, emit);
      });
    }
  }
  for (const message of parts.warnings) emit({ type: 'warning', message });
  timings.total = Math.round(performance.now() - started);

  return {
    version: GRAPH_VERSION,
    tool: { name: 'seams', version: SEAMS_VERSION },
    source: 'seams',
    root,
    files: parts.files,
    edges: parts.edges,
    externals: parts.externals,
    unresolved: parts.unresolved,
    parseErrors: parts.parseErrors,
    workspaces: parts.workspaces,
    timings,
  };
}

async function buildParts(root: string, facts: Map<string, FileFacts>, parseErrors: ParseErrorEntry[], workspaces: WorkspacePackage[], step: StepTimer['step']): Promise<GraphParts> {
  const warnings: string[] = [];
  // The resolver is a native module: loaded only when there is something to resolve.
  const { createResolver } = await import('./create-resolver.ts');
  const linked = step('resolve', () => {
    const resolve = createResolver({
      root,
      workspaces,
      isAnalyzed: (path) => path.startsWith(root + '/') && facts.has(path.slice(root.length + 1)),
      sourceFolders: new Set([...facts.keys()].filter((path) => path.includes('/')).map((path) => path.slice(0, path.indexOf('/')))),
      onWarning: (message) => warnings.push(message),
    });
    return linkFiles(root, facts, resolve);
  });
  const files = step('trace', () => {
    const tracer = createBarrelTracer(linked.exportTables);
    for (const edge of linked.edges) {
      const providers = providersOf(edge, tracer, linked.exportTables);
      if (providers) edge.providers = providers;
    }
    return fileNodes(facts, workspaces, tracer.exportedNames);
  });
  return {
    parseErrors,
    files,
    edges: linked.edges,
    externals: linked.externals,
    unresolved: linked.unresolved,
    workspaces: workspaces.map(({ name, dir }) => ({ name, path: dir })),
    warnings,
  };
}

async function readAll(root: string, files: string[], cache: FactsCache | undefined, stats: GraphCache['stats'], maxBytes: number, emit: ProgressListener): Promise<{ facts: Map<string, FileFacts>; parsed: number }> {
  const facts = new Map<string, FileFacts>();
  let parsed = 0;
  let parse: Parse | undefined;
  for (let i = 0; i < files.length; i++) {
    const rel = files[i]!;
    let outcome = readFacts(`${root}/${rel}`, rel, cache, maxBytes, parse, stats.get(rel));
    if (outcome === NEEDS_PARSER) {
      // The parser is a native module: an unchanged tree never loads it.
      parse = (await import('./parse-file.ts')).parseFile;
      outcome = readFacts(`${root}/${rel}`, rel, cache, maxBytes, parse, stats.get(rel)) as Exclude<typeof outcome, typeof NEEDS_PARSER>;
    }
    facts.set(rel, outcome.facts);
    if (!outcome.cached) parsed++;
    emit({ type: 'file-parsed', done: i + 1, total: files.length, cached: outcome.cached });
  }
  return { facts, parsed };
}

function fileNodes(facts: Map<string, FileFacts>, workspaces: WorkspacePackage[], exportedNames: (file: string) => string[]): FileNode[] {
  const byDepth = [...workspaces].sort((a, b) => b.dir.length - a.dir.length);
  return [...facts].map(([path, file]) => {
    const owner = byDepth.find((w) => path.startsWith(w.dir + '/'));
    return {
      path,
      language: file.language,
      ...(file.dts ? { dts: true } : {}),
      loc: file.loc,
      exports: exportedNames(path),
      ...(owner ? { package: owner.name } : {}),
    };
  });
}

function parseErrors(facts: Map<string, FileFacts>): ParseErrorEntry[] {
  const errors: ParseErrorEntry[] = [];
  for (const [path, file] of facts) if (file.error) errors.push({ path, message: file.error.message, line: file.error.line });
  return errors;
}

function statAll(root: string, files: string[]): GraphCache['stats'] {
  const stats: GraphCache['stats'] = new Map();
  for (const file of files) {
    try {
      const { size, mtimeMs } = statSync(`${root}/${file}`);
      stats.set(file, { size, mtimeMs });
    } catch {
      // Vanished since discovery: the stat comparison will fail and the slow path report it.
    }
  }
  return stats;
}

function isUnchanged(previous: GraphCache, fingerprint: string, stats: GraphCache['stats']): boolean {
  if (previous.fingerprint !== fingerprint || previous.stats.size !== stats.size) return false;
  for (const [file, { size, mtimeMs }] of stats) {
    const before = previous.stats.get(file);
    if (!before || before.size !== size || before.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

function save(dir: string, facts: FactsCache | undefined, graph: GraphCache, emit: ProgressListener): void {
  try {
    if (facts) saveFacts(dir, facts);
    saveGraph(dir, graph);
  } catch (error) {
    emit({ type: 'warning', message: `could not write the cache in ${dir}: ${(error as Error).message}` });
  }
}
