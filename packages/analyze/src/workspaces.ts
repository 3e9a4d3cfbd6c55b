import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import picomatch from 'picomatch';
import { parse } from 'yaml';

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

/** Workspace packages declared by pnpm-workspace.yaml or the root package.json (npm, yarn), from the package.json files found. */
export function findWorkspaces(root: string, packageJsons: readonly string[]): WorkspacePackage[] {
  const globs = workspaceGlobs(root);
  if (globs.length === 0) return [];
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
    const manifest = readManifest(join(root, file));
    if (manifest?.name) packages.push({ name: manifest.name, dir, manifest });
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name));
}

export function readManifest(path: string): PackageManifest | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageManifest;
  } catch {
    return undefined;
  }
}

function workspaceGlobs(root: string): string[] {
  const fromPnpm = readPnpmWorkspace(join(root, 'pnpm-workspace.yaml'));
  const workspaces = readManifest(join(root, 'package.json'))?.workspaces;
  const fromManifest = Array.isArray(workspaces) ? workspaces : (workspaces?.packages ?? []);
  return [...fromPnpm, ...fromManifest].filter((g) => typeof g === 'string');
}

// pnpm-workspace.yaml is full YAML (flow lists, quoted '!' negations, anchors): read it with a YAML parser.
function readPnpmWorkspace(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  try {
    const packages: unknown = (parse(text) as { packages?: unknown } | null)?.packages;
    return Array.isArray(packages) ? packages.filter((glob): glob is string => typeof glob === 'string') : [];
  } catch {
    return [];
  }
}
