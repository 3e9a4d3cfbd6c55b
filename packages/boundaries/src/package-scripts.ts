import { posix } from 'node:path';

/** What boundaries reads of the analysed project's package.json. */
export interface PackageManifest {
  main?: unknown;
  scripts?: unknown;
}

// A runner and what follows it up to the end of the command: `node bin/keys.js`, `ts-node -r x src/seed.ts`.
const RUNNER = /(?:^|[\s;&|(])(?:node|nodemon|ts-node(?:-dev)?|tsx|babel-node|bun)((?:\s+[^\s;&|)]+)+)/g;
const EXTENSIONS = ['', '.js', '.ts', '.mjs', '.cjs', '.mts', '.cts', '/index.js', '/index.ts'];
// The start script's names for the server: the one file a script may run that is no script.
const STARTS = new Set(['start', 'serve', 'dev', 'prod', 'start:dev', 'start:prod', 'start:debug']);

/**
 * The files package.json's scripts run with node or a TypeScript runner (`"keys": "node bin/keys.js"`, `"seed":
 * "ts-node src/seed.ts"`), without the server's own: what `main` names and what a start script runs (`server`). Each
 * is a program of its own only if no app code imports it, which the caller checks.
 */
export function filesRunByScripts(
  files: readonly string[],
  manifest: PackageManifest | undefined,
): { scripts: Set<string>; server: Set<string> } {
  const scripts = manifest?.scripts && typeof manifest.scripts === 'object' ? manifest.scripts : {};
  const known = new Set(files);
  const resolve = (named: string) =>
    EXTENSIONS.map((extension) => posix.normalize(named + extension)).find((path) => known.has(path));
  const run = (command: string) => {
    const found: string[] = [];
    for (const match of command.matchAll(RUNNER)) {
      // The first word naming a file: an option's value (`-r dotenv/config`) names none.
      const file = match[1]!
        .trim()
        .split(/\s+/)
        .filter((token) => !token.startsWith('-'))
        .map((token) => resolve(token.replace(/^['"]|['"]$/g, '')))
        .find((path) => path !== undefined);
      if (file) found.push(file);
    }
    return found;
  };
  const server = new Set<string>();
  if (typeof manifest?.main === 'string') server.add(resolve(manifest.main) ?? '');
  const found = new Set<string>();
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== 'string') continue;
    for (const file of run(command)) (STARTS.has(name) ? server : found).add(file);
  }
  return { scripts: new Set([...found].filter((file) => !server.has(file))), server };
}
