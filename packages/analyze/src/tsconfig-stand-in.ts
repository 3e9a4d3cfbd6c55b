import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import stripJsonComments from 'strip-json-comments';
import { readConfigFile } from './read-config-file.ts';

/** A base a tsconfig `extends` that could not be found, and the config that names it. */
interface MissingBase {
  config: string;
  base: string;
}

/** The resolution settings of a tsconfig chain with its missing bases left out, every path absolute. */
export interface StandIn {
  config: {
    compilerOptions: { baseUrl?: string; paths?: Record<string, string[]>; rootDirs?: string[] };
    references?: { path: string }[];
  };
  missing: MissingBase[];
}

interface Settings {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  /** The folder `paths` are relative to when no baseUrl is set: that of the config defining them. */
  pathsBase?: string;
  rootDirs?: string[];
}

interface RawConfig {
  extends?: unknown;
  compilerOptions?: { baseUrl?: unknown; paths?: unknown; rootDirs?: unknown };
  references?: unknown;
}

/**
 * What TypeScript does when an `extends` target is missing (a fresh clone without node_modules, a
 * broken path anywhere in the chain): it reports it and goes on with the rest. oxc-resolver fails
 * every lookup instead, so the chain is merged here, as `tsc` merges it, with the missing bases left
 * out. `findPackageBase` resolves a bare `extends` (a package) from a folder. Undefined when the
 * chain cannot be read at all (invalid JSON, a cycle): the caller then resolves without it.
 */
export function standInFor(
  configPath: string,
  findPackageBase: (fromDir: string, specifier: string) => string | undefined,
): StandIn | undefined {
  const missing: MissingBase[] = [];

  function load(path: string, chain: readonly string[]): Settings | undefined {
    if (chain.includes(path)) return undefined;
    const raw = parse(path);
    if (!raw) return undefined;
    const dir = dirname(path);
    let settings: Settings = {};
    const bases = typeof raw.extends === 'string' ? [raw.extends] : Array.isArray(raw.extends) ? raw.extends : [];
    for (const base of bases) {
      if (typeof base !== 'string') continue;
      const target = isBare(base) ? findPackageBase(dir, base) : findFileBase(resolve(dir, base));
      if (!target) {
        missing.push({ config: path, base });
        continue;
      }
      const inherited = load(target, [...chain, path]);
      if (!inherited) return undefined;
      settings = { ...settings, ...inherited };
    }
    const own = raw.compilerOptions ?? {};
    if (typeof own.baseUrl === 'string') settings.baseUrl = resolve(dir, own.baseUrl);
    if (isPaths(own.paths)) settings = { ...settings, paths: own.paths, pathsBase: dir };
    if (Array.isArray(own.rootDirs))
      settings.rootDirs = own.rootDirs.filter((d) => typeof d === 'string').map((d) => resolve(dir, d));
    return settings;
  }

  const settings = load(configPath, []);
  if (!settings) return undefined;
  const { baseUrl, paths, pathsBase, rootDirs } = settings;
  const pathsFrom = baseUrl ?? pathsBase ?? dirname(configPath);
  const compilerOptions: StandIn['config']['compilerOptions'] = {
    ...(baseUrl && { baseUrl }),
    ...(paths && {
      paths: Object.fromEntries(
        Object.entries(paths).map(([key, targets]) => [key, targets.map((target) => resolve(pathsFrom, target))]),
      ),
    }),
    ...(rootDirs && { rootDirs }),
  };
  // References are not inherited: only the file's own count, each relative to it.
  const references = parse(configPath)?.references;
  const ownReferences = Array.isArray(references)
    ? references
        .map((reference: { path?: unknown }) => reference?.path)
        .filter((path): path is string => typeof path === 'string')
        .map((path) => ({ path: resolve(dirname(configPath), path) }))
    : [];
  return { config: { compilerOptions, ...(ownReferences.length > 0 && { references: ownReferences }) }, missing };
}

function parse(path: string): RawConfig | undefined {
  const read = readConfigFile(path);
  if (!read || 'problem' in read) return undefined;
  try {
    const value = JSON.parse(stripJsonComments(read.text, { trailingCommas: true })) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

// As TypeScript looks a relative `extends` up: the path, then with `.json` added, then a folder's tsconfig.json.
function findFileBase(path: string): string | undefined {
  if (statSync(path, { throwIfNoEntry: false })?.isFile()) return path;
  if (!path.endsWith('.json') && existsSync(path + '.json')) return path + '.json';
  const inFolder = join(path, 'tsconfig.json');
  return existsSync(inFolder) ? inFolder : undefined;
}

function isPaths(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((targets) => Array.isArray(targets) && targets.every((t) => typeof t === 'string'))
  );
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !isAbsolute(specifier);
}
