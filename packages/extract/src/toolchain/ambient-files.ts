import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { Graph, Plan } from '@seams/graph';

// A module that adds to another module's types or to the global scope, which every file of the program then sees.
const AUGMENTS = /^[ \t]*(?:export\s+)?declare\s+(?:global\b|module\s+['"])/m;
// A declaration file without a top-level import or export is a script: what it declares is global.
const MODULE_SYNTAX = /^[ \t]*(?:import|export)\b/m;
// What boundaries sets apart that is not the app's program: its tests, tools, migrations and vendored code.
const NOT_THE_APP = new Set(['tests', 'tool configs', 'migrations', 'scripts', 'vendored']);

/**
 * The monolith's files whose declarations reach code that never imports them: global declaration files
 * (`@types/env.d.ts` with `declare global { namespace NodeJS { interface ProcessEnv ... } }`) and modules
 * that augment another (a Fastify plugin's `declare module 'fastify' { interface FastifyInstance { knex: Knex } }`).
 * The service's own type-check includes its folder and what that imports: without these it loses the
 * members they add to the code it serves from the monolith (`Property 'knex' does not exist on type
 * 'FastifyInstance'`), though the monolith's own type-check, which includes them, passes. The files the app
 * loads without an import the compiler follows (what @fastify/autoload loads: the graph's dynamic edges) count
 * too: what they import brings its packages' augmentations (`fastify.rateLimit` from @fastify/rate-limit).
 */
export function ambientFiles(
  graph: Pick<Graph, 'files' | 'edges'>,
  plan: Pick<Plan, 'shared'>,
  /** The monolith's tsconfig (relative to root): only files its program takes count. */
  tsconfig: string,
  /** Whether a file is the monolith's own server code (not generated, not a browser bundle's). */
  own: (path: string) => boolean,
  readFile: (path: string) => string,
): string[] {
  const apart = new Set(plan.shared.filter((s) => s.group && NOT_THE_APP.has(s.group)).map((s) => s.path));
  const read = (path: string) => {
    try {
      return readFile(path);
    } catch {
      return '';
    }
  };
  const compiled = programFiles(tsconfig, read(tsconfig));
  // A dynamic edge whose specifier its file never writes is a folder loader's (analyze's autoload edges), not an
  // `import()`, which the compiler follows by itself from the files that reach it.
  const loaded = new Set(
    graph.edges
      .filter((edge) => edge.kind === 'dynamic' && !read(edge.from).includes(edge.specifier))
      .map((edge) => edge.to),
  );
  return graph.files
    .filter((file) => (file.language === 'ts' || file.language === 'tsx') && own(file.path))
    .filter((file) => !apart.has(file.path) && compiled(file.path))
    .filter((file) => {
      if (loaded.has(file.path)) return true;
      const text = read(file.path);
      return AUGMENTS.test(text) || (file.dts === true && text !== '' && !MODULE_SYNTAX.test(text));
    })
    .map((file) => file.path)
    .sort();
}

// Whether the tsconfig's `include` and `files` take a file (its `exclude` aside): as the compiler reads them,
// relative to the tsconfig, a pattern without a wildcard naming a file or a whole folder; none of either is everything.
function programFiles(tsconfig: string, text: string): (path: string) => boolean {
  const raw = ts.parseConfigFileTextToJson(tsconfig, text).config as { include?: unknown; files?: unknown } | undefined;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const everything = raw?.include === undefined && raw?.files === undefined;
  const folder = posix.dirname(tsconfig);
  const patterns = [...(everything ? ['**/*'] : list(raw?.include)), ...list(raw?.files)].map((pattern) =>
    matcher(posix.normalize(posix.join(folder, pattern))),
  );
  return (path) => patterns.some((pattern) => pattern.test(path));
}

function matcher(pattern: string): RegExp {
  const segments = pattern.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.at(-1) === '**') segments.push('*');
  const source = segments
    .map((segment) =>
      segment === '**'
        ? '(?:[^/]+/)*'
        : `${segment
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replaceAll('*', '[^/]*')
            .replaceAll('?', '[^/]')}/`,
    )
    .join('');
  return new RegExp(`^${source.slice(0, -1)}(?:/.*)?$`);
}
