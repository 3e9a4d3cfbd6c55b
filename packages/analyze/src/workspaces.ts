import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { NOT_REGULAR, readConfigFile, readJsonConfig } from './read-config-file.ts';

export interface WorkspacePackage {
  name: string;
  /** Folder relative to root, POSIX; '' for the root package. */
  dir: string;
  manifest: PackageManifest;
}

export interface PackageManifest {
  name?: string;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  exports?: unknown;
  workspaces?: string[] | { packages?: string[] };
}

export interface Workspaces {
  packages: WorkspacePackage[];
  /** Manifests that could not be used, each naming its file: the user should know resolution went without them. */
  warnings: string[];
}

// The name of a manifest that is not valid JSON, when its text still says it plainly.
const NAME = /^\s*\{\s*"name"\s*:\s*"([^"]+)"/;

/**
 * Workspace packages declared by pnpm-workspace.yaml or the root package.json (npm, yarn), from the package.json files
 * found.
 */
export function findWorkspaces(root: string, packageJsons: readonly string[]): Workspaces {
  const warnings: string[] = [];
  const globs = workspaceGlobs(root, warnings);
  if (globs.length === 0) return { packages: [], warnings };
  const positive = globs.filter((g) => !g.startsWith('!')).map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''));
  const negative = globs
    .filter((g) => g.startsWith('!'))
    .map((g) => g.slice(1).replace(/^\.\//, '').replace(/\/$/, ''));
  const isMember = picomatch(positive);
  const isExcluded = negative.length ? picomatch(negative) : () => false;
  const packages: WorkspacePackage[] = [];
  for (const file of packageJsons) {
    const dir = posix.dirname(file);
    if (dir === '.' || !isMember(dir) || isExcluded(dir)) continue;
    const read = readJsonConfig<PackageManifest>(join(root, file));
    if (read && 'value' in read) {
      if (typeof read.value.name === 'string') packages.push({ name: read.value.name, dir, manifest: read.value });
      continue;
    }
    // Without its manifest the package still has a folder and, often, a legible name: imports of it
    // stay local code (resolved by its index) rather than turning into an npm package.
    const name = read ? nameIn(join(root, file)) : undefined;
    if (name) packages.push({ name, dir, manifest: { name } });
    warnings.push(
      `${file} ${read ? read.problem : 'vanished'}: ${name ? `workspace package ${name} resolved by its name only` : 'its workspace package is left out'}`,
    );
  }
  return { packages: packages.sort((a, b) => a.name.localeCompare(b.name)), warnings };
}

function nameIn(path: string): string | undefined {
  const read = readConfigFile(path);
  return read && 'text' in read ? NAME.exec(read.text)?.[1] : undefined;
}

function workspaceGlobs(root: string, warnings: string[]): string[] {
  const fromPnpm = readPnpmWorkspace(join(root, 'pnpm-workspace.yaml'), warnings);
  const read = readJsonConfig<PackageManifest>(join(root, 'package.json'));
  if (read && 'problem' in read && read.problem !== NOT_REGULAR)
    warnings.push(`package.json ${read.problem}: its workspaces are not read`);
  const workspaces = read && 'value' in read ? read.value.workspaces : undefined;
  const fromManifest = Array.isArray(workspaces) ? workspaces : (workspaces?.packages ?? []);
  return [...fromPnpm, ...fromManifest].filter((g) => typeof g === 'string');
}

// pnpm-workspace.yaml is full YAML (flow lists, quoted '!' negations, anchors): read it with a YAML parser.
function readPnpmWorkspace(path: string, warnings: string[]): string[] {
  const read = readConfigFile(path);
  if (!read) return [];
  if ('problem' in read) {
    if (read.problem !== NOT_REGULAR) warnings.push(`pnpm-workspace.yaml ${read.problem}: its packages are not read`);
    return [];
  }
  try {
    const packages: unknown = (parse(read.text) as { packages?: unknown } | null)?.packages;
    return Array.isArray(packages) ? packages.filter((glob): glob is string => typeof glob === 'string') : [];
  } catch (error) {
    warnings.push(
      `pnpm-workspace.yaml is not valid YAML (${(error as Error).message.split('\n')[0]}): its packages are not read`,
    );
    return [];
  }
}
