import { dirname, join } from 'node:path';
import { ResolverFactory, type NapiResolveOptions, type ResolveResult } from 'oxc-resolver';
import type { Unresolved } from '@seams/graph';
import { entryPointsOf } from './package-entry-points.ts';
import { packageName } from './package-name.ts';
import type { WorkspacePackage } from './workspaces.ts';

export type Resolution =
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

// Build output folders whose source sits elsewhere in the same package.
const OUTPUT_DIR = /^\.?\/?(?:dist|lib|build|out|esm|cjs|types)\//;

export interface ResolverContext {
  root: string;
  isAnalyzed: (absolutePath: string) => boolean;
  workspaces: readonly WorkspacePackage[];
  /** Top-level folders holding analysed files: `src/x` that resolves nowhere is a missing local file, not a package. */
  sourceFolders: ReadonlySet<string>;
  onWarning: (message: string) => void;
}

/** Resolves specifiers as TypeScript would for the importing file, memoised per folder. */
export function createResolver(context: ResolverContext): ResolveSpecifier {
  const resolvers = { import: resolverPair('import'), require: resolverPair('require') };
  const plain = resolvers.import.plain;
  const brokenTsconfigs = new Set<string>();
  const memo = new Map<string, Resolution>();
  const namesLocalFolder = (specifier: string) =>
    specifier.includes('/') && context.sourceFolders.has(specifier.split('/')[0]!);
  const byName = [...context.workspaces].sort((a, b) => b.name.length - a.name.length);

  function raw(fromFile: string, specifier: string, mode: ResolveMode): ResolveResult {
    const result = resolvers[mode].withTsconfig.resolveFileSync(fromFile, specifier);
    if (!result.error?.startsWith('Failed to load tsconfig')) return result;
    // A broken tsconfig must not cost the whole folder its relative imports.
    if (!brokenTsconfigs.has(result.error)) {
      brokenTsconfigs.add(result.error);
      context.onWarning(`${result.error.replace(/ JSONError \{.*$/, '')}: resolving without it`);
    }
    return resolvers[mode].plain.resolveFileSync(fromFile, specifier);
  }

  function fromWorkspace(specifier: string): string | undefined {
    const pkg = byName.find((p) => specifier === p.name || specifier.startsWith(p.name + '/'));
    if (!pkg) return undefined;
    const dir = join(context.root, pkg.dir);
    const subpath = specifier === pkg.name ? '.' : '.' + specifier.slice(pkg.name.length);
    for (const target of entryPointsOf(pkg.manifest, subpath)) {
      const found = plain.sync(dir, target.startsWith('.') ? target : './' + target).path;
      if (found && context.isAnalyzed(found)) return found;
      // The build output is absent or not analysed: its source usually mirrors it under src/ or the package root.
      const stem = target.replace(/\.d\.[mc]?ts$|\.[mc]?js$/, '');
      if (!OUTPUT_DIR.test(stem)) continue;
      for (const base of ['./src/', './']) {
        const source = plain.sync(dir, stem.replace(OUTPUT_DIR, base)).path;
        if (source && context.isAnalyzed(source)) return source;
      }
    }
    return subpath === '.' ? plain.sync(dir, './src/index').path : undefined;
  }

  function resolveOnce(fromFile: string, specifier: string, mode: ResolveMode): Resolution {
    const bare = isBare(specifier);
    const result = raw(fromFile, specifier, mode);
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
      // A package that is simply not installed is still an external; but `src/x` (under a baseUrl) names local code.
      if (!specifier.startsWith('#') && !namesLocalFolder(specifier))
        return { type: 'external', package: packageName(specifier), builtin: false };
    }
    return { type: 'unresolved', reason: 'not-found', detail: result.error };
  }

  return (fromFile, specifier, mode) => {
    const key = mode + dirname(fromFile) + '\0' + specifier;
    let resolution = memo.get(key);
    if (!resolution) memo.set(key, (resolution = resolveOnce(fromFile, specifier, mode)));
    return resolution;
  };
}

function resolverPair(mode: ResolveMode): { withTsconfig: ResolverFactory; plain: ResolverFactory } {
  const options = { ...OPTIONS, conditionNames: ['types', mode, 'node', 'default'] };
  return { withTsconfig: new ResolverFactory({ ...options, tsconfig: 'auto' }), plain: new ResolverFactory(options) };
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
  onWarning: (message: string) => void,
): ResolveSpecifier {
  return createResolver({
    root,
    workspaces,
    isAnalyzed: (path) => path.startsWith(root + '/') && files.has(path.slice(root.length + 1)),
    sourceFolders: new Set(
      [...files.keys()].filter((path) => path.includes('/')).map((path) => path.slice(0, path.indexOf('/'))),
    ),
    onWarning,
  });
}
