import { realpathSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { GRAPH_VERSION, SEAMS_VERSION, type FileNode, type Graph, type ParseErrorEntry, type ProgressListener } from '@seams/graph';
import { loadCache, saveCache } from './cache.ts';
import { createResolver } from './create-resolver.ts';
import { discoverFiles } from './discover-files.ts';
import type { FileFacts } from './facts.ts';
import { linkFiles } from './link-files.ts';
import { readFacts } from './read-facts.ts';
import { createBarrelTracer, providersOf } from './trace-barrels.ts';
import { findWorkspaces } from './workspaces.ts';

export interface AnalyzeOptions {
  root: string;
  include?: readonly string[];
  exclude?: readonly string[];
  /** Use and update the per-file facts cache (default true). */
  cache?: boolean;
  /** Where the cache lives; default `<root>/.seams/cache`. */
  cacheDir?: string;
  /** Files larger than this are recorded as skipped (default 4 MB). */
  maxFileBytes?: number;
  gitignore?: boolean;
  onProgress?: ProgressListener;
}

/**
 * Builds the dependency graph of a source tree:
 * discover files, read and parse them (cached), find workspaces, resolve every reference, trace barrels.
 */
export async function analyze(options: AnalyzeOptions): Promise<Graph> {
  const emit = options.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  const step = <T>(name: string, run: () => T): T => {
    emit({ type: 'step-start', step: name });
    const start = performance.now();
    const result = run();
    timings[name] = Math.round(performance.now() - start);
    emit({ type: 'step-end', step: name, ms: timings[name] });
    return result;
  };
  const started = performance.now();
  const requested = resolvePath(options.root);
  const discovered = step('discover', () => discoverFiles(requested, options));
  const root = realpathSync(requested);
  emit({ type: 'files-found', total: discovered.files.length });
  for (const message of discovered.warnings) emit({ type: 'warning', message });

  const cacheDir = options.cacheDir ?? join(root, '.seams', 'cache');
  const cache = options.cache === false ? undefined : loadCache(cacheDir);
  const facts = step('parse', () => readAll(root, discovered.files, cache, options.maxFileBytes ?? 4 * 1024 * 1024, emit));
  // Unreadable, binary and oversized files are reported, not graphed: they have no module structure to show.
  const errors = parseErrors(facts);
  for (const error of errors) if (error.line === 0) facts.delete(error.path);

  const workspaces = findWorkspaces(root, discovered.packageJsons);
  const linked = step('resolve', () => {
    const resolve = createResolver({
      root,
      workspaces,
      isAnalyzed: (path) => path.startsWith(root + '/') && facts.has(path.slice(root.length + 1)),
      onWarning: (message) => emit({ type: 'warning', message }),
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
  if (cache) step('cache', () => pruneAndSave(cache, new Set(discovered.files), cacheDir, emit));
  timings.total = Math.round(performance.now() - started);

  return {
    version: GRAPH_VERSION,
    tool: { name: 'seams', version: SEAMS_VERSION },
    source: 'seams',
    root,
    files,
    edges: linked.edges,
    externals: linked.externals,
    unresolved: linked.unresolved,
    parseErrors: errors,
    workspaces: workspaces.map(({ name, dir }) => ({ name, path: dir })),
    timings,
  };
}

function readAll(root: string, files: string[], cache: ReturnType<typeof loadCache> | undefined, maxBytes: number, emit: ProgressListener): Map<string, FileFacts> {
  const facts = new Map<string, FileFacts>();
  for (let i = 0; i < files.length; i++) {
    const rel = files[i]!;
    const outcome = readFacts(`${root}/${rel}`, rel, cache, maxBytes);
    facts.set(rel, outcome.facts);
    emit({ type: 'file-parsed', done: i + 1, total: files.length, cached: outcome.cached });
  }
  return facts;
}

function fileNodes(facts: Map<string, FileFacts>, workspaces: ReturnType<typeof findWorkspaces>, exportedNames: (file: string) => string[]): FileNode[] {
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

function pruneAndSave(cache: ReturnType<typeof loadCache>, present: Set<string>, dir: string, emit: ProgressListener): void {
  for (const key of cache.keys()) if (!present.has(key)) cache.delete(key);
  try {
    saveCache(dir, cache);
  } catch (error) {
    emit({ type: 'warning', message: `could not write the cache in ${dir}: ${(error as Error).message}` });
  }
}
