import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { ResolverFactory, type NapiResolveOptions, type ResolveResult } from 'oxc-resolver';
import type { Unresolved } from '@seams/graph';
import { appRootsOf } from './app-root-imports.ts';
import { entryPointsOf, importTargetsOf, OUTPUT_DIR } from './package-entry-points.ts';
import { packageName } from './package-name.ts';
import { probeFile } from './probe-file.ts';
import { readJsonConfig } from './read-config-file.ts';
import { standInFor } from './tsconfig-stand-in.ts';
import type { PackageManifest, WorkspacePackage } from './workspaces.ts';

type Resolution =
  | { type: 'file'; path: string }
  | { type: 'external'; package: string; builtin: boolean }
  | { type: 'unresolved'; reason: Unresolved['reason']; detail?: string };

/** `require` picks the "require" condition of package exports and imports, everything else "import". */
export type ResolveMode = 'import' | 'require';

export type ResolveSpecifier = (fromFile: string, specifier: string, mode: ResolveMode) => Resolution;

// What TypeScript tries, in its order: sources before declarations, `.js` in an import may name a `.ts` file.
const OPTIONS: NapiResolveOptions = {
  extensions: ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
  extensionAlias: {
    '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
    '.jsx': ['.tsx', '.jsx'],
    '.mjs': ['.mts', '.d.mts', '.mjs'],
    '.cjs': ['.cts', '.d.cts', '.cjs'],
  },
  mainFields: ['types', 'typings', 'module', 'main'],
  builtinModules: true,
  symlinks: true,
};

// oxc-resolver's errors about the tsconfig itself rather than the specifier: "Failed to load tsconfig ...",
// "Tsconfig extends configs circularly: ...", "Tsconfig not found ...", "Tsconfig's project reference ...".
const TSCONFIG_ERROR = /^(?:Failed to load tsconfig|Tsconfig)\b/;
// Of those, the one for an `extends` target that does not exist (often: a package not installed yet).
const MISSING_BASE = /^Tsconfig not found\b/;

// oxc-resolver's error for a package.json it cannot parse, with the file's path.
const BAD_MANIFEST = /^JSONError \{ path: "([^"]+)"/;

interface ResolverContext {
  root: string;
  /** Folders a leading-`/` specifier is resolved from first (a Meteor app's root); a path outside the root stays unresolved. */
  roots: readonly string[];
  isAnalyzed: (absolutePath: string) => boolean;
  workspaces: readonly WorkspacePackage[];
  /** Top-level folders holding analysed files: `src/x` that resolves nowhere is a missing local file, not a package. */
  sourceFolders: ReadonlySet<string>;
  /** Absolute paths of package.json files that are not regular files, in the tree (from discovery). */
  irregularManifests: ReadonlySet<string>;
  onWarning: (message: string) => void;
}

/** Resolves specifiers as TypeScript would for the importing file, memoised per folder. */
function createResolver(context: ResolverContext): ResolveSpecifier {
  const resolvers = { import: resolverPair('import', context.roots), require: resolverPair('require', context.roots) };
  const plain = resolvers.import.plain;
  const warned = new Set<string>();
  // Folders whose tsconfig failed once, with what resolves there instead: the next specifiers skip the attempt.
  const insteadOfTsconfig = new Map<string, Record<ResolveMode, ResolverFactory>>();
  // Per tsconfig.json whose chain misses a base: resolvers from its own settings, or undefined if there are none.
  const standIns = new Map<string, Record<ResolveMode, ResolverFactory> | undefined>();
  // Per folder and mode: a specifier resolves alike from every file of one folder.
  const memo = new Map<string, Record<ResolveMode, Map<string, Resolution>>>();
  const namesLocalFolder = (specifier: string) =>
    specifier.includes('/') && context.sourceFolders.has(specifier.split('/')[0]!);
  const byName = [...context.workspaces].sort((a, b) => b.name.length - a.name.length);

  function warnOnce(message: string): void {
    if (warned.has(message)) return;
    warned.add(message);
    context.onWarning(message);
  }

  // Per folder, a package.json at or above it that is not a regular file (a FIFO): oxc-resolver
  // would block reading it, so imports below it are resolved by file names only. Inside the tree
  // discovery found them; above it, the root's few ancestors are looked at once.
  const blockers = new Map<string, string | undefined>();
  for (let dir = dirname(context.root); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (statSync(manifest, { throwIfNoEntry: false })?.isFile() === false) blockers.set(context.root, manifest);
    if (dir === dirname(dir)) break;
  }
  function blockerOf(dir: string): string | undefined {
    if (blockers.has(dir)) return blockers.get(dir);
    const manifest = join(dir, 'package.json');
    const parent = dirname(dir);
    const blocker = context.irregularManifests.has(manifest)
      ? manifest
      : dir === context.root || parent === dir
        ? undefined
        : blockerOf(parent);
    blockers.set(dir, blocker);
    return blocker;
  }

  // The tsconfig.json oxc-resolver's 'auto' mode takes for a folder: the nearest one at or above it.
  function tsconfigOf(dir: string): string | undefined {
    for (let at = dir; ; at = dirname(at)) {
      const path = join(at, 'tsconfig.json');
      if (statSync(path, { throwIfNoEntry: false })?.isFile()) return path;
      if (at === dirname(at)) return undefined;
    }
  }

  // Resolvers for a folder whose tsconfig chain misses a base: given the chain's own settings as a config in a
  // temporary folder (nothing is written into the project), loaded at once and the folder removed.
  function standInOf(dir: string): Record<ResolveMode, ResolverFactory> | undefined {
    const config = tsconfigOf(dir);
    if (!config) return undefined;
    if (standIns.has(config)) return standIns.get(config);
    const standIn = standInFor(config, (from, specifier) => {
      for (const candidate of [specifier, `${specifier}/tsconfig.json`]) {
        const found = plain.sync(from, candidate).path;
        if (found?.endsWith('.json')) return found;
      }
      return undefined;
    });
    let pair: Record<ResolveMode, ResolverFactory> | undefined;
    if (standIn) {
      for (const { config: from, base } of standIn.missing)
        warnOnce(
          `${relativeTo(context.root, from)}: its base ${base} is ${isBare(base) ? 'not installed' : 'not found'}; ` +
            `using this file's own settings without it`,
        );
      const folder = mkdtempSync(join(tmpdir(), 'seams-tsconfig-'));
      try {
        const configFile = join(folder, 'tsconfig.json');
        writeFileSync(configFile, JSON.stringify(standIn.config));
        pair = {
          import: resolverPair('import', context.roots, configFile).withTsconfig,
          require: resolverPair('require', context.roots, configFile).withTsconfig,
        };
        // oxc-resolver reads the config on its first lookup and keeps it.
        for (const resolver of Object.values(pair)) resolver.sync(dir, '.');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
    standIns.set(config, pair);
    return pair;
  }

  // By file names alone: a leading `/` is tried under the app roots first, as the resolver does.
  function probeLocal(dir: string, specifier: string): string | undefined {
    const fromRoots = specifier.startsWith('/') ? context.roots.map((at) => probeFile(join(at, specifier))) : [];
    return fromRoots.find(Boolean) ?? probeFile(resolvePath(dir, specifier));
  }

  // `dir` is the importing file's folder and `blocker` that folder's, both taken once per importing file.
  function raw(
    fromFile: string,
    dir: string,
    blocker: string | undefined,
    specifier: string,
    mode: ResolveMode,
  ): ResolveResult {
    if (blocker) {
      warnOnce(
        `${relativeTo(context.root, blocker)} is not a regular file: imports below it are resolved by file names only`,
      );
      if (isBuiltin(specifier))
        return { builtin: { resolved: specifier.replace(/^(?!node:)/, 'node:'), isRuntimeModule: false } };
      const path = isBare(specifier) ? undefined : probeLocal(dir, specifier);
      return path ? { path } : { error: `not found by file names (${blocker} is not a regular file)` };
    }
    let result = (insteadOfTsconfig.get(dir)?.[mode] ?? resolvers[mode].withTsconfig).resolveFileSync(
      fromFile,
      specifier,
    );
    if (result.error && TSCONFIG_ERROR.test(result.error)) {
      // A missing base costs only the base; a broken tsconfig (unreadable, invalid, an `extends` cycle, or a
      // referenced project's) must not cost the folder its relative imports.
      const standIn = MISSING_BASE.test(result.error) && !insteadOfTsconfig.has(dir) ? standInOf(dir) : undefined;
      if (standIn) {
        insteadOfTsconfig.set(dir, standIn);
        result = standIn[mode].resolveFileSync(fromFile, specifier);
      }
      if (result.error && TSCONFIG_ERROR.test(result.error)) {
        warnOnce(`${result.error.replace(/ JSONError \{.*$/, '')}: resolving without it`);
        insteadOfTsconfig.set(dir, { import: resolvers.import.plain, require: resolvers.require.plain });
        result = resolvers[mode].plain.resolveFileSync(fromFile, specifier);
      }
    }
    const manifest = result.error && BAD_MANIFEST.exec(result.error)?.[1];
    if (!manifest || isBare(specifier)) return result;
    // An invalid package.json fails every lookup below it: relative paths still name their files.
    warnOnce(
      `${relativeTo(context.root, manifest)} is not valid JSON: imports near it are resolved by file names only`,
    );
    const path = probeLocal(dir, specifier);
    return path ? { path } : result;
  }

  function fromWorkspace(specifier: string): string | undefined {
    const pkg = byName.find((p) => specifier === p.name || specifier.startsWith(p.name + '/'));
    if (!pkg) return undefined;
    const dir = join(context.root, pkg.dir);
    const subpath = specifier === pkg.name ? '.' : '.' + specifier.slice(pkg.name.length);
    for (const target of entryPointsOf(pkg.manifest, subpath)) {
      const found = find(dir, target.startsWith('.') ? target : './' + target);
      if (found && context.isAnalyzed(found)) return found;
      const source = sourceOfOutput(dir, target);
      if (source) return source;
    }
    return subpath === '.' ? find(dir, './src/index') : undefined;
  }

  // The build output is absent or not analysed: its source usually mirrors it under src/ or the package root.
  function sourceOfOutput(dir: string, target: string): string | undefined {
    const stem = target.replace(/\.d\.[mc]?ts$|\.[mc]?js$/, '');
    if (!OUTPUT_DIR.test(stem)) return undefined;
    for (const base of ['./src/', './']) {
      const source = find(dir, stem.replace(OUTPUT_DIR, base));
      if (source && context.isAnalyzed(source)) return source;
    }
    return undefined;
  }

  // `#name` that the nearest package.json's `imports` maps into build output not built yet (`"#src/*":
  // "./build/*"`): TypeScript maps the output back to its source file, and so do we.
  function fromImports(dir: string, specifier: string): string | undefined {
    for (let at = dir; ; at = dirname(at)) {
      const manifest = readJsonConfig<{ imports?: unknown }>(join(at, 'package.json'));
      if (manifest) {
        if (!('value' in manifest)) return undefined;
        for (const target of importTargetsOf(manifest.value.imports, specifier)) {
          const source = sourceOfOutput(at, target);
          if (source) return source;
        }
        return undefined;
      }
      if (at === context.root || at === dirname(at)) return undefined;
    }
  }

  // `../lib/config` from a spec, into the package's own build output not built yet (babel's `src/` -> `lib/`): it
  // lands on its source when the package's main or exports name that output folder, as for a workspace package.
  function fromOwnOutput(dir: string, specifier: string): string | undefined {
    const target = resolvePath(dir, specifier);
    for (let at = dir; ; at = dirname(at)) {
      const manifest = readJsonConfig<PackageManifest>(join(at, 'package.json'));
      if (manifest) {
        if (!('value' in manifest) || !target.startsWith(at + '/')) return undefined;
        const output = OUTPUT_DIR.exec(`./${target.slice(at.length + 1)}`)?.[0].replace(/^\.?\/?/, '');
        const entries = entryPointsOf(manifest.value, '.').map((entry) => entry.replace(/^\.?\/?/, ''));
        return output && entries.some((entry) => entry.startsWith(output))
          ? sourceOfOutput(at, `./${target.slice(at.length + 1)}`)
          : undefined;
      }
      if (at === context.root || at === dirname(at)) return undefined;
    }
  }

  // A workspace package whose package.json is invalid is still found by its files.
  function find(dir: string, relative: string): string | undefined {
    if (blockerOf(dir)) return probeFile(join(dir, relative));
    const result = plain.sync(dir, relative);
    return (
      result.path ?? (result.error && BAD_MANIFEST.test(result.error) ? probeFile(join(dir, relative)) : undefined)
    );
  }

  function resolveOnce(
    fromFile: string,
    dir: string,
    blocker: string | undefined,
    specifier: string,
    mode: ResolveMode,
  ): Resolution {
    const bare = isBare(specifier);
    const result = raw(fromFile, dir, blocker, specifier, mode);
    if (result.builtin) return { type: 'external', package: builtinName(result.builtin.resolved), builtin: true };
    if (result.path) {
      if (result.path.includes('/node_modules/')) {
        const viaWorkspace = bare ? fromWorkspace(specifier) : undefined;
        if (viaWorkspace) return { type: 'file', path: viaWorkspace };
        return {
          type: 'external',
          package: bare ? packageName(specifier) : packageNameFromPath(result.path),
          builtin: false,
        };
      }
      if (!context.isAnalyzed(result.path) && bare) {
        const viaWorkspace = fromWorkspace(specifier);
        if (viaWorkspace) return { type: 'file', path: viaWorkspace };
      }
      return { type: 'file', path: result.path };
    }
    if (bare) {
      const viaWorkspace = fromWorkspace(specifier);
      if (viaWorkspace) return { type: 'file', path: viaWorkspace };
      const viaImports = specifier.startsWith('#') && !blocker ? fromImports(dir, specifier) : undefined;
      if (viaImports) return { type: 'file', path: viaImports };
      // A package that is simply not installed is still an external; but `src/x` (under a baseUrl) names local code.
      if (!specifier.startsWith('#') && !namesLocalFolder(specifier))
        return { type: 'external', package: packageName(specifier), builtin: false };
    } else {
      const viaOutput = blocker ? undefined : fromOwnOutput(dir, specifier);
      if (viaOutput) return { type: 'file', path: viaOutput };
    }
    return { type: 'unresolved', reason: 'not-found', detail: result.error };
  }

  // Callers ask file by file: the folder, its memo and its blocker are looked up once per file, not per specifier.
  let lastFile = '';
  let lastDir = '';
  let lastBlocker: string | undefined;
  let lastMemo = { import: new Map<string, Resolution>(), require: new Map<string, Resolution>() };
  return (fromFile, specifier, mode) => {
    if (fromFile !== lastFile) {
      lastFile = fromFile;
      lastDir = dirname(fromFile);
      let folder = memo.get(lastDir);
      if (!folder) memo.set(lastDir, (folder = { import: new Map(), require: new Map() }));
      lastMemo = folder;
      lastBlocker = blockerOf(lastDir);
    }
    const byMode = lastMemo[mode];
    let resolution = byMode.get(specifier);
    if (!resolution) byMode.set(specifier, (resolution = resolveOnce(fromFile, lastDir, lastBlocker, specifier, mode)));
    return resolution;
  };
}

function resolverPair(
  mode: ResolveMode,
  roots: readonly string[],
  configFile?: string,
): { withTsconfig: ResolverFactory; plain: ResolverFactory } {
  const options = { ...OPTIONS, conditionNames: ['types', mode, 'node', 'default'], roots: [...roots] };
  const tsconfig = configFile ? { configFile, references: 'auto' as const } : ('auto' as const);
  return { withTsconfig: new ResolverFactory({ ...options, tsconfig }), plain: new ResolverFactory(options) };
}

function relativeTo(root: string, path: string): string {
  return path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(specifier);
}

function packageNameFromPath(path: string): string {
  return packageName(path.slice(path.lastIndexOf('/node_modules/') + '/node_modules/'.length));
}

function builtinName(resolved: string): string {
  const name = resolved.replace(/^node:/, '').split('/')[0]!;
  return `node:${name}`;
}

/** The resolver for a tree whose analysed files are `files` (relative to root): what both full and partial runs use. */
export function resolverForFiles(
  root: string,
  workspaces: WorkspacePackage[],
  files: ReadonlySet<string> | ReadonlyMap<string, unknown>,
  irregularConfigs: readonly string[],
  onWarning: (message: string) => void,
): ResolveSpecifier {
  return createResolver({
    root,
    roots: appRootsOf(root),
    workspaces,
    isAnalyzed: (path) => path.startsWith(root + '/') && files.has(path.slice(root.length + 1)),
    sourceFolders: new Set(
      [...files.keys()].filter((path) => path.includes('/')).map((path) => path.slice(0, path.indexOf('/'))),
    ),
    irregularManifests: new Set(
      irregularConfigs.filter((path) => /(?:^|\/)package\.json$/.test(path)).map((path) => `${root}/${path}`),
    ),
    onWarning,
  });
}
