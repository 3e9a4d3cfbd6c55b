import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Discovered } from './discover-files.ts';

/**
 * Identifies everything resolution depends on besides file contents: which files exist, and the
 * configuration files (by size and mtime). Same fingerprint and no changed file: same graph.
 */
export function fingerprintOf(root: string, discovered: Discovered, options: { maxFileBytes: number }): string {
  const hash = createHash('sha1');
  hash.update(`max=${options.maxFileBytes}\n`);
  for (const file of discovered.files) hash.update(file + '\n');
  for (const file of discovered.irregularConfigs) hash.update(`${file}\0irregular\n`);
  for (const file of discovered.configFiles) {
    try {
      const { size, mtimeMs } = statSync(`${root}/${file}`);
      hash.update(`${file}\0${size}\0${mtimeMs}\n`);
    } catch {
      hash.update(`${file}\0gone\n`);
    }
  }
  return hash.digest('hex');
}
