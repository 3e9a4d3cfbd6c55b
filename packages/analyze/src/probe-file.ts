import { statSync } from 'node:fs';

// TypeScript's order, as in create-resolver.ts: sources before declarations.
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
const ALIASES: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

/**
 * The file an absolute path names as a module, found by file names alone: itself, a source for a
 * `.js` it names, the path with an extension, or its folder's index. For folders whose package.json
 * the resolver cannot read, which would otherwise leave every import there unresolved.
 */
export function probeFile(base: string): string | undefined {
  const extension = /\.[mc]?jsx?$/.exec(base)?.[0];
  const candidates = [
    base,
    ...(extension ? ALIASES[extension]!.map((alias) => base.slice(0, -extension.length) + alias) : []),
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => `${base}/index${ext}`),
  ];
  return candidates.find(isFile);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
