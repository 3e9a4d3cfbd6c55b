import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { appRootsOf } from './app-root-imports.ts';
import type { Discovered } from './discover-files.ts';
import { readConfigFile } from './read-config-file.ts';

// Read by resolution from any folder above the root: the nearest tsconfig (oxc-resolver's `tsconfig: 'auto'`),
// package.json files (package type, exports, imports) and the workspace files.
const ANCESTOR_CONFIGS = ['package.json', 'tsconfig.json', 'jsconfig.json', 'pnpm-workspace.yaml'];

/**
 * Identifies everything resolution depends on besides file contents: which files exist, and the
 * configuration files (by size and mtime), those of the tree and those it reads from outside: the
 * configuration files of every folder above the root and every file a tsconfig `extends`, present or
 * not (a missing base tsconfig that appears later changes the graph). Same fingerprint and no changed
 * file: same graph.
 */
export function fingerprintOf(root: string, discovered: Discovered, options: { maxFileBytes: number }): string {
  const hash = createHash('sha1');
  hash.update(`max=${options.maxFileBytes}\n`);
  // A `.meteor` folder appearing or going changes how leading-`/` specifiers resolve.
  hash.update(`app-roots=${appRootsOf(root).length}\n`);
  for (const file of discovered.files) hash.update(file + '\n');
  for (const file of discovered.irregularConfigs) hash.update(`${file}\0irregular\n`);
  for (const file of configFilesRead(root, discovered.configFiles)) {
    try {
      const { size, mtimeMs } = statSync(resolve(root, file));
      hash.update(`${file}\0${size}\0${mtimeMs}\n`);
    } catch {
      hash.update(`${file}\0gone\n`);
    }
  }
  return hash.digest('hex');
}

/**
 * The configuration files resolution may read, relative to root (`../tsconfig.base.json` for one above it):
 * the tree's own, those of the folders above it, and the `extends` chain of every tsconfig among them.
 * A file that does not exist is listed where its appearance would change resolution.
 */
function configFilesRead(root: string, inTree: readonly string[]): string[] {
  const listed = new Set<string>();
  const absolute = resolve(root);
  for (const file of inTree) listed.add(join(absolute, file));
  for (let dir = dirname(absolute); ; dir = dirname(dir)) {
    for (const name of ANCESTOR_CONFIGS) listed.add(join(dir, name));
    if (dirname(dir) === dir) break;
  }
  // Each file once: an `extends` cycle ends here (resolution reports it).
  const queue = [...listed].filter((file) => /[tj]sconfig[^/]*\.json$/.test(file));
  for (let i = 0; i < queue.length; i++) {
    for (const base of extendedBy(queue[i]!)) {
      if (listed.has(base)) continue;
      listed.add(base);
      queue.push(base);
    }
  }
  return [...listed].map((file) => relative(absolute, file)).sort();
}

/**
 * The files a tsconfig's `extends` (a string or a list) may name, in lookup order up to the first that exists:
 * a relative path with and without `.json`; a package's file or its tsconfig.json in each node_modules above.
 */
function extendedBy(config: string): string[] {
  const read = readConfigFile(config);
  if (!read || 'problem' in read) return [];
  // A pattern, not a parser: tsconfig is JSON with comments, and naming one file too many costs nothing.
  const value = /"extends"\s*:\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\])/.exec(read.text)?.[1];
  if (!value) return [];
  const specifiers = [...value.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
  const files: string[] = [];
  for (const specifier of specifiers) {
    const candidates =
      specifier.startsWith('.') || isAbsolute(specifier)
        ? withJson(resolve(dirname(config), specifier))
        : packageCandidates(dirname(config), specifier);
    for (const candidate of candidates) {
      files.push(candidate);
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) break;
    }
  }
  return files;
}

const withJson = (file: string) => (file.endsWith('.json') ? [file] : [file, `${file}.json`]);

function packageCandidates(from: string, specifier: string): string[] {
  const candidates: string[] = [];
  for (let dir = from; ; dir = dirname(dir)) {
    const target = join(dir, 'node_modules', specifier);
    candidates.push(...withJson(target), join(target, 'tsconfig.json'));
    if (dirname(dir) === dir) break;
  }
  return candidates;
}
