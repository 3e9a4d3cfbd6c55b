import { realpathSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  GRAPH_VERSION,
  SEAMS_VERSION,
  timeSteps,
  type StepTimer,
  type FileNode,
  type Graph,
  type ParseErrorEntry,
  type ProgressListener,
} from '@seams/graph';
import {
  cacheFolder,
  claimCacheFolder,
  createSeamsFolder,
  loadFacts,
  loadGraph,
  saveFacts,
  saveGraph,
  type FactsCache,
  type GraphCache,
} from './cache.ts';
import {
  changesFromGit,
  discoveryKey,
  snapshotGit,
  type CachedDiscovery,
  type GitChanges,
  type GitSnapshot,
} from './discover-from-git.ts';
import { discoverFiles } from './discover-files.ts';
import { composeUseCases } from './entry-points/compose-use-cases.ts';
import { dataOf, entriesOf, modelsOf, type FileEntryPoints, type FileFacts } from './facts.ts';
import { fingerprintOf } from './fingerprint.ts';
import type { GraphParts } from './graph-parts.ts';
import type { ReadHistoryOptions } from './history/read-history.ts';
import { linkFiles } from './link-files.ts';
import { nameTables } from './name-tables.ts';
import { readDataSchemas } from './read-data-schemas.ts';
import { parseInParallel, workersFor } from './parse-pool.ts';
import { NEEDS_PARSER, readFacts, type Parse } from './read-facts.ts';
import { createBarrelTracer, providersOf, settleRequireNames } from './trace-barrels.ts';
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
  /** Also read the git history of the analysed files (churn, authors, owners, co-change). */
  history?: boolean | Omit<ReadHistoryOptions, 'root' | 'files'>;
  onProgress?: ProgressListener;
  /**
   * Learn from git which files may have changed since the cached graph instead of walking the tree (for
   * `check --changed`, which passes what it asked git); the walk still runs outside git, without a cache, or
   * when files were added or removed.
   */
  trustGit?: boolean | GitChanges;
  /** Worker threads parsing beside the main one; default chosen from the free cores and the tree's size, 0 for none. */
  workers?: number;
}

// Beyond this share of changed files, a full run costs no more than a partial update.
const PARTIAL_UPDATE_SHARE = 0.1;

/**
 * Builds the dependency graph of a source tree: discover files, read and parse them (cached),
 * find workspaces, resolve every reference, trace barrels. An unchanged tree reuses the last graph.
 */
export async function analyze(options: AnalyzeOptions): Promise<Graph> {
  const emit = options.onProgress ?? (() => {});
  const { timings, step, stepAsync } = timeSteps(emit);
  const started = performance.now();
  const requested = resolvePath(options.root);
  const maxFileBytes = options.maxFileBytes ?? 4 * 1024 * 1024;
  const useCache = options.cache !== false;
  const cacheDirOf = (root: string) =>
    !useCache ? '' : options.cacheDir ? cacheFolder(options.cacheDir) : join(root, '.seams', 'cache');
  // Asked to, git tells which files may have changed since the cached graph: then the tree is not walked.
  const told =
    options.trustGit && useCache
      ? await stepAsync('git', () =>
          changesFromGit(
            requested,
            cacheDirOf,
            options,
            options.trustGit === true ? undefined : options.trustGit || undefined,
          ),
        )
      : undefined;
  const fromGit = told?.discovery;
  const discovered: CachedDiscovery =
    fromGit?.discovered ??
    step('discover', () => ({ ...discoverFiles(requested, options), options: discoveryKey(options) }));
  const root = told?.root ?? realpathSync(requested);
  emit({ type: 'files-found', total: discovered.files.length });
  for (const message of discovered.warnings) emit({ type: 'warning', message });

  const cacheDir = told?.cacheDir ?? cacheDirOf(root);
  const save = async (facts: FactsCache | undefined, graph: GraphCache, git: Promise<GitSnapshot | undefined>) => {
    const snapshot = await git;
    step('cache', () => {
      try {
        if (!options.cacheDir) {
          createSeamsFolder(root);
          claimCacheFolder(cacheDir);
        }
        if (facts) saveFacts(cacheDir, facts);
        saveGraph(cacheDir, { ...graph, discovered, ...(snapshot ? { git: snapshot } : {}) });
      } catch (error) {
        emit({ type: 'warning', message: `could not write the cache in ${cacheDir}: ${(error as Error).message}` });
      }
    });
  };
  const fingerprint = fingerprintOf(root, discovered, { maxFileBytes });
  const stats =
    fromGit?.stats ??
    (useCache ? statAll(root, discovered.files) : new Map<string, { size: number; mtimeMs: number }>());
  const previous = told ? told.previous : useCache ? loadGraph(cacheDir) : undefined;
  let parts: GraphParts | undefined;
  const changed = previous ? changedFiles(previous, fingerprint, stats) : undefined;
  // What git says now, saved with the graph for the next run that trusts git; asked while files are parsed.
  const snapshot = () => (fromGit ? Promise.resolve(fromGit.git) : snapshotGit(root, discovered));
  if (previous && changed?.length === 0) {
    parts = step('reuse', () => cachedParts(previous));
    // The snapshot is part of the cache: one that watches more files, or a first one, is saved.
    if (parts && options.trustGit && (fromGit ? fromGit.grew : true)) {
      const git = await snapshot();
      if (git) await save(undefined, { fingerprint, stats, parts }, Promise.resolve(git));
    }
  } else if (previous && changed && changed.length <= discovered.files.length * PARTIAL_UPDATE_SHARE) {
    const git = snapshot();
    parts = await updateParts(
      root,
      () => cachedParts(previous),
      changed,
      stats,
      maxFileBytes,
      // Configuration is unchanged since the cached graph, whose warnings already name its problems.
      findWorkspaces(root, discovered.packageJsons).packages,
      discovered.irregularConfigs,
      step,
      emit,
    );
    if (parts) await save(undefined, { fingerprint, stats, parts }, git);
  }
  if (!parts) {
    const cache = useCache ? loadFacts(cacheDir) : undefined;
    const git = cache ? snapshot() : undefined;
    const { facts, parsed } = await stepAsync('parse', () =>
      readAll(root, discovered.files, cache, stats, maxFileBytes, emit, options.workers),
    );
    // Unreadable, binary and oversized files are reported, not graphed: they have no module structure to show.
    const errors = parseErrors(facts);
    for (const error of errors) if (error.line === 0) facts.delete(error.path);
    const workspaces = findWorkspaces(root, discovered.packageJsons);
    parts = await buildParts(
      root,
      facts,
      errors,
      workspaces.packages,
      discovered.irregularConfigs,
      workspaces.warnings,
      step,
    );
    if (cache && git) {
      const present = new Set(discovered.files);
      for (const key of cache.keys()) if (!present.has(key)) cache.delete(key);
      await save(parsed > 0 || cache.size !== present.size ? cache : undefined, { fingerprint, stats, parts }, git);
    }
  }
  for (const message of parts.warnings) emit({ type: 'warning', message });
  const historyOptions = options.history === true ? {} : options.history || undefined;
  // Not cached: one git log is fast next to parsing, and the history moves with every commit.
  const history = historyOptions
    ? await stepAsync('history', async () =>
        (await import('./history/read-history.ts')).readHistory({
          ...historyOptions,
          root,
          files: parts.files.map((f) => f.path),
        }),
      )
    : undefined;
  const hasData = (parts.data?.length ?? 0) > 0 || (parts.models?.length ?? 0) > 0 || discovered.dataSchemas.length > 0;
  const named = hasData
    ? step('tables', () => {
        const schemas = readDataSchemas(root, discovered.dataSchemas);
        return nameTables(parts.data ?? [], [...(parts.models ?? []), ...schemas.models], schemas.relations);
      })
    : undefined;
  const useCases = parts.useCases;
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
    ...(history ? { history } : {}),
    ...(named && named.data.length > 0 ? { data: named.data } : {}),
    ...(named && named.tables.length > 0 ? { tables: named.tables } : {}),
    ...(useCases && useCases.length > 0 ? { useCases } : {}),
  };
}

async function buildParts(
  root: string,
  facts: Map<string, FileFacts>,
  parseErrors: ParseErrorEntry[],
  workspaces: WorkspacePackage[],
  irregularConfigs: readonly string[],
  configWarnings: readonly string[],
  step: StepTimer['step'],
): Promise<GraphParts> {
  const warnings = [...configWarnings];
  // The resolver is a native module: loaded only when there is something to resolve.
  const { resolverForFiles } = await import('./create-resolver.ts');
  const linked = step('resolve', () =>
    linkFiles(
      root,
      facts,
      resolverForFiles(root, workspaces, facts, irregularConfigs, (message) => warnings.push(message)),
    ),
  );
  const files = step('trace', () => {
    const tracer = createBarrelTracer(linked.exportTables);
    for (const edge of linked.edges) {
      edge.names = settleRequireNames(edge, tracer);
      Object.assign(edge, providersOf(edge, tracer, linked.exportTables));
    }
    return fileNodes(facts, workspaces, tracer.exportedNames);
  });
  return withUseCases(
    {
      parseErrors,
      files,
      edges: linked.edges,
      externals: linked.externals,
      unresolved: linked.unresolved,
      workspaces: workspaces.map(({ name, dir }) => ({ name, path: dir })),
      warnings,
      exportTables: linked.exportTables,
      data: dataOf(facts),
      models: modelsOf(facts),
      entries: entriesOf(facts),
    },
    step,
  );
}

async function readAll(
  root: string,
  files: string[],
  cache: FactsCache | undefined,
  stats: GraphCache['stats'],
  maxBytes: number,
  emit: ProgressListener,
  workers: number | undefined,
): Promise<{ facts: Map<string, FileFacts>; parsed: number }> {
  const settled = new Array<FileFacts | undefined>(files.length);
  let done = 0;
  const report = (cached: boolean) => emit({ type: 'file-parsed', done: ++done, total: files.length, cached });
  // Unchanged files first (size and mtime as cached): what is left is read, and parsed unless its hash is cached.
  const pending: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const entry = cache?.get(files[i]!);
    const stat = stats.get(files[i]!);
    if (entry && stat && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs) {
      settled[i] = entry.facts;
      report(true);
    } else pending.push(i);
  }
  let parsed = 0;
  const threads = workersFor(pending.length, workers);
  if (threads > 0) {
    const { parseFile, createFileWalkers } = await import('./parse-file.ts');
    const walkers = createFileWalkers();
    const rels = pending.map((i) => files[i]!);
    const cachedOf = (rel: string) => ({ size: stats.get(rel)?.size ?? 0, hash: cache!.get(rel)?.hash });
    const job = { root, files: rels, cached: cache ? rels.map(cachedOf) : undefined, maxBytes };
    await parseInParallel(
      job,
      threads,
      (path, text) => parseFile(path, text, walkers),
      (k, outcome) => {
        const rel = rels[k]!;
        const entry = cache?.get(rel);
        const stat = stats.get(rel);
        if (outcome === 'unchanged') {
          if (stat) cache!.set(rel, { ...entry!, ...stat });
          settled[pending[k]!] = entry!.facts;
          report(true);
          return;
        }
        if (cache && stat && outcome.hash) cache.set(rel, { ...stat, hash: outcome.hash, facts: outcome.facts });
        settled[pending[k]!] = outcome.facts;
        parsed++;
        report(false);
      },
    );
  } else {
    let parse: Parse | undefined;
    for (const i of pending) {
      const rel = files[i]!;
      let outcome = readFacts(`${root}/${rel}`, rel, cache, maxBytes, parse, stats.get(rel));
      if (outcome === NEEDS_PARSER) {
        // The parser is a native module: an unchanged tree never loads it.
        const { parseFile, createFileWalkers } = await import('./parse-file.ts');
        const walkers = createFileWalkers();
        parse = (path, text) => parseFile(path, text, walkers);
        outcome = readFacts(`${root}/${rel}`, rel, cache, maxBytes, parse, stats.get(rel));
      }
      // With a parser at hand readFacts always reads; the symbol only asks for one.
      if (outcome === NEEDS_PARSER) throw new Error(`no parser for ${rel}`);
      settled[i] = outcome.facts;
      if (!outcome.cached) parsed++;
      report(outcome.cached);
    }
  }
  const facts = new Map<string, FileFacts>();
  for (let i = 0; i < files.length; i++) facts.set(files[i]!, settled[i]!);
  return { facts, parsed };
}

function fileNodes(
  facts: Map<string, FileFacts>,
  workspaces: WorkspacePackage[],
  exportedNames: (file: string) => string[],
): FileNode[] {
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
  for (const [path, file] of facts)
    if (file.error) errors.push({ path, message: file.error.message, line: file.error.line });
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

/** Files whose size or mtime differ from the cached graph's; undefined when the file list or configuration changed. */
function changedFiles(previous: GraphCache, fingerprint: string, stats: GraphCache['stats']): string[] | undefined {
  if (previous.fingerprint !== fingerprint || previous.stats.size !== stats.size) return undefined;
  const changed: string[] = [];
  for (const [file, { size, mtimeMs }] of stats) {
    const before = previous.stats.get(file);
    if (!before) return undefined;
    if (before.size !== size || before.mtimeMs !== mtimeMs) changed.push(file);
  }
  return changed;
}

// The cached graph's parts, read on first use (after a partial update parsed the changed files); undefined when they
// cannot be read (a damaged file), which is no cache.
function cachedParts(previous: GraphCache): GraphParts | undefined {
  try {
    return previous.parts as GraphParts;
  } catch {
    return undefined;
  }
}

// Parses just the changed files (without the facts cache, which a later full run brings up to date)
// and relinks them; undefined when one became unreadable, which changes the file list: a full run.
async function updateParts(
  root: string,
  previousParts: () => GraphParts | undefined,
  changed: string[],
  stats: GraphCache['stats'],
  maxBytes: number,
  workspaces: WorkspacePackage[],
  irregularConfigs: readonly string[],
  step: StepTimer['step'],
  emit: ProgressListener,
): Promise<GraphParts | undefined> {
  const { parseFile, createFileWalkers } = await import('./parse-file.ts');
  const walkers = createFileWalkers();
  const facts = new Map<string, FileFacts>();
  step('parse', () => {
    for (const [i, rel] of changed.entries()) {
      const outcome = readFacts(
        `${root}/${rel}`,
        rel,
        undefined,
        maxBytes,
        (path, text) => parseFile(path, text, walkers),
        stats.get(rel),
      ) as Exclude<ReturnType<typeof readFacts>, typeof NEEDS_PARSER>;
      facts.set(rel, outcome.facts);
      emit({ type: 'file-parsed', done: i + 1, total: changed.length, cached: false });
    }
  });
  if ([...facts.values()].some((file) => file.error?.line === 0)) return undefined;
  const previous = step('read-cache', previousParts);
  if (!previous) return undefined;
  const { relinkChanged } = await import('./relink-changed.ts');
  const parts = await relinkChanged(root, previous, facts, workspaces, irregularConfigs, step);
  if (!useCasesMayChange(previous.entries ?? [], parts.entries ?? [], facts)) {
    if (previous.useCases) parts.useCases = previous.useCases;
    return parts;
  }
  return withUseCases(parts, step);
}

/**
 * Use cases come from the entry points and, for files that mount routers, from those files' edges (the specifiers
 * they mount); other files' edges keep their targets in a partial update. An edit that changed no file's entry
 * points and no mounting file's edges leaves them as they were.
 */
function useCasesMayChange(
  before: readonly FileEntryPoints[],
  after: readonly FileEntryPoints[],
  changed: ReadonlyMap<string, unknown>,
): boolean {
  const of = (list: readonly FileEntryPoints[]) =>
    new Map(list.filter((e) => changed.has(e.from)).map((e) => [e.from, e]));
  const was = of(before);
  const now = of(after);
  for (const file of changed.keys()) {
    const entry = now.get(file);
    if (!isDeepStrictEqual(was.get(file), entry)) return true;
    if (entry && (entry.mounts.length > 0 || entry.autoloads)) return true;
  }
  return false;
}

// Use cases follow the edges from entry points: composed whenever the parts are built or updated, and cached with them.
function withUseCases(parts: GraphParts, step: StepTimer['step']): GraphParts {
  const entries = parts.entries ?? [];
  if (entries.length > 0) parts.useCases = step('use-cases', () => composeUseCases(entries, parts.edges));
  return parts;
}
