import { posix } from 'node:path';

/**
 * The folder a Babel build compiles (`babel src/ -d lib/` in a package.json script) when it holds every file of
 * the service. A monolith built that way runs what the build wrote: a facade outside that folder is never
 * compiled, and would load the uncompiled sources (Flow, ES modules) it stands in front of.
 */
export function babelSource(scripts: unknown, serviceFiles: readonly string[]): string | undefined {
  if (!scripts || typeof scripts !== 'object' || serviceFiles.length === 0) return undefined;
  for (const script of Object.values(scripts)) {
    if (typeof script !== 'string') continue;
    for (const command of script.split(/&&|\|\||[;|]/)) {
      const words = command.trim().split(/\s+/);
      const babel = words.findIndex((word) => /(^|\/)babel$/.test(word));
      const built = words.some((word) => word === '-d' || word === '--out-dir' || word.startsWith('--out-dir='));
      if (babel === -1 || !built) continue;
      // The folders named without an option: the one that holds the service is its source (not -d's lib/).
      for (const word of words.slice(babel + 1).filter((w) => !w.startsWith('-'))) {
        const folder = posix.normalize(word).replace(/\/+$/, '');
        if (folder === '.' || folder.startsWith('..') || folder.startsWith('/')) continue;
        if (serviceFiles.every((file) => file.startsWith(`${folder}/`))) return folder;
      }
    }
  }
  return undefined;
}
