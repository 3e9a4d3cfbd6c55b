import type { PackageManifest } from './workspaces.ts';

// Source-first: a monorepo's "source" condition points at the code we want; then what TypeScript and Node pick.
const CONDITIONS = ['source', 'development', 'import', 'module', 'require', 'node', 'default', 'types'];

/**
 * Paths, relative to the package folder, that a subpath ('.' or './x') of a package may load,
 * most preferred first: from `exports` when present, else `module`/`main`/`types`.
 */
export function entryPointsOf(manifest: PackageManifest, subpath: string): string[] {
  if (manifest.exports !== undefined && manifest.exports !== null) return fromExports(manifest.exports, subpath);
  if (subpath !== '.') return [subpath];
  const fields = [manifest.module, manifest.main, manifest.types, manifest.typings].filter(
    (v): v is string => typeof v === 'string',
  );
  return [...fields, './index'];
}

function fromExports(exports: unknown, subpath: string): string[] {
  const isSubpathMap =
    typeof exports === 'object' &&
    !Array.isArray(exports) &&
    Object.keys(exports as object).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return subpath === '.' ? targets(exports) : [];
  return fromSubpathMap(exports as Record<string, unknown>, subpath);
}

/** Paths, relative to the package folder, that package.json `imports` maps a `#name` specifier to. */
export function importTargetsOf(imports: unknown, specifier: string): string[] {
  return typeof imports === 'object' && imports !== null && !Array.isArray(imports)
    ? fromSubpathMap(imports as Record<string, unknown>, specifier)
    : [];
}

function fromSubpathMap(map: Record<string, unknown>, subpath: string): string[] {
  if (subpath in map) return targets(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const match = subpath.slice(prefix.length, subpath.length - suffix.length);
      return targets(value).map((t) => t.replaceAll('*', match));
    }
  }
  return [];
}

function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(targets);
  if (typeof value !== 'object' || value === null) return [];
  const conditions = value as Record<string, unknown>;
  const ordered = [
    ...CONDITIONS.filter((c) => c in conditions),
    ...Object.keys(conditions).filter((c) => !CONDITIONS.includes(c)),
  ];
  return ordered.flatMap((c) => targets(conditions[c]));
}
