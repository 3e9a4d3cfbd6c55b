// Source-file discovery shared by the parse floor and the input summaries, so both
// count exactly the files the analysers are asked to read.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Source files under `dir` (absolute paths), skipping node_modules and dot-folders. */
export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE_EXTENSIONS.some((e) => entry.name.endsWith(e))) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Counts by kind: TypeScript sources, declaration files, JavaScript. */
export function countByKind(files: string[]): { ts: number; dts: number; js: number } {
  let ts = 0,
    dts = 0,
    js = 0;
  for (const f of files) {
    if (/\.d\.[cm]?ts$/.test(f)) dts++;
    else if (/\.[cm]?tsx?$/.test(f)) ts++;
    else js++;
  }
  return { ts, dts, js };
}
