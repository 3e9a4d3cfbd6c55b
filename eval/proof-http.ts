// The `http` test kind of the extract proof: real traffic through the monolith. The monolith starts with
// its own start command and the routing mode set; an HTTP suite (eval/realworld-smoke.ts for the
// RealWorld apps) runs against it; the service's served calls and the shadow differences come from the
// two processes' logs. A person's one step after extract, mounting the routing layer first in the app, is
// done here from the manifest's anchor line.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { DatabaseKind } from './proof-database.ts';
import { lastLine, runStep, startServer } from './proof-server.ts';

/** How to serve the app for the HTTP suite (eval/extract-apps.json, `http`). `${NAME}` in any string is
 * PORT (a free port for the monolith) or DB_PORT, DB_NAME, DB_USER (the proof's database). */
export interface HttpServe {
  /** A throw-away database started for the whole run, and SQL files (relative to the app) that load its schema. */
  database?: { kind: DatabaseKind; schema?: string[] };
  /** The monolith's start command, from the app's folder. */
  start: string[];
  /** A regular expression its output matches once it listens. */
  ready: string;
  env?: Record<string, string>;
  /** The API's base URL, given to the suite. */
  api: string;
  /** Where a person mounts the routing layer: the file that creates the app and the line after which it goes. */
  mount: { file: string; after: string };
  /** Answer fields shadow mode ignores (the routing file's shadowIgnore): values minted per call, such as a JWT. */
  shadowIgnore?: string[];
}

export interface HttpRun {
  cell: string;
  /** The monolith's output (its shadow reports). */
  output: string;
}

/** Starts the monolith, runs the suite (test.command, from seams' folder, with the API URL appended), stops it. */
export async function httpRun(
  serve: HttpServe,
  suite: string[],
  options: {
    dir: string;
    log: string;
    env: Record<string, string>;
    vars: Record<string, string>;
    port: number;
    /** The service's calls so far: after the suite, the run waits until they stop coming (shadow replays). */
    calls?: () => number;
  },
): Promise<HttpRun> {
  const vars = { ...options.vars, PORT: String(options.port) };
  const fill = (text: string) => fillText(text, vars);
  const env = fillVars(serve.env ?? {}, vars);
  const [command, ...args] = serve.start.map(fill);
  const monolith = await startServer(command!, args, {
    cwd: options.dir,
    env: { ...pathOf(options.dir), ...env, ...options.env },
    ready: new RegExp(serve.ready),
    timeoutMs: 120_000,
    log: `${options.log}.monolith.log`,
  });
  if (typeof monolith === 'string') return { cell: `monolith ${monolith}`, output: '' };
  try {
    const [runner, ...rest] = suite;
    const result = await runStep(runner!, [...rest, fill(serve.api)], {
      cwd: join(import.meta.dirname, '..'),
      timeoutMs: 180_000,
      log: options.log,
    });
    if (options.calls) await settle(options.calls);
    const passed = /^Tests: (\d+) passed, (\d+) failed$/m.exec(result.output);
    const cell = result.timedOut
      ? 'timeout'
      : passed
        ? `${passed[2] === '0' ? 'pass' : 'FAIL'} ${passed[1]}/${Number(passed[1]) + Number(passed[2])}`
        : `FAIL (exit ${result.code}): ${lastLine(result.output)}`;
    return { cell, output: monolith.output() };
  } finally {
    monolith.stop();
  }
}

const fillText = (text: string, vars: Record<string, string>) =>
  text.replace(/\$\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');

/** Settings with `${NAME}` replaced by the run's values (an unknown name by nothing). */
export const fillVars = (env: Record<string, string>, vars: Record<string, string>) =>
  Object.fromEntries(Object.entries(env).map(([name, value]) => [name, fillText(value, vars)]));

// The app's own binaries first (ts-node, nest), then seams' (tsx for a bundled fixture).
const pathOf = (dir: string) => ({
  PATH: [join(dir, 'node_modules/.bin'), join(import.meta.dirname, '../node_modules/.bin'), process.env['PATH']].join(
    ':',
  ),
});

/** Waits until the count has not moved for a second (10 s at most): shadow replays run after the answers. */
async function settle(count: () => number): Promise<void> {
  let last = count();
  let still = 0;
  for (let waited = 0; waited < 10_000 && still < 1_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = count();
    still = now === last ? still + 100 : 0;
    last = now;
  }
}

/**
 * Mounts the service's routing layer first in the app, as the report's step 1 says: an import of the
 * layer at the top of the file and `app.use(<layer>)` after the manifest's anchor line. `layer` is the
 * file extract names in its summary; for a Koa or Fastify app, its framework's adapter beside it is mounted
 * instead (`app.use(<service>KoaRoutes)`; Fastify's onRoute and onRequest hooks). Returns why not.
 */
export function mountRoutingLayer(
  dir: string,
  layer: string | undefined,
  mount: HttpServe['mount'],
): string | undefined {
  if (!layer || !existsSync(join(dir, layer))) return 'no routing layer (the service serves no route)';
  const base = layer;
  const adapter = ['koa', 'fastify', 'hono']
    .map((framework) => ({ framework, path: base.replace(/routes\.(ts|js)$/, `${framework}-routes.$1`) }))
    .find((found) => found.path !== base && existsSync(join(dir, found.path)));
  if (adapter) layer = adapter.path;
  // An ES module's export, or a CommonJS one (a JavaScript monolith's layer: \`exports.userRoutes = userRoutes;\`).
  const name = /(?:export (?:async function|function|const) |\bexports\.)(\w+Routes)\b/.exec(
    readFileSync(join(dir, layer), 'utf8'),
  )?.[1];
  if (!name) return `no middleware exported by ${layer}`;
  const target = join(dir, mount.file);
  const text = readFileSync(target, 'utf8');
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim() === mount.after.trim());
  if (at < 0) return `no line "${mount.after}" in ${mount.file}`;
  const indent = /^\s*/.exec(lines[at]!)![0];
  const app = /(?:const|let|var)\s+(\w+)\s*=/.exec(mount.after)?.[1] ?? 'app';
  // Fastify also records which routes the service's files register (onRoute), so only those are routed.
  const watch = name.replace(/Routes$/, 'OnRoute');
  const fastify = adapter?.framework === 'fastify';
  const use = fastify ? [`addHook('onRoute', ${watch})`, `addHook('onRequest', ${name})`] : [`use(${name})`];
  lines.splice(at + 1, 0, ...use.map((call) => `${indent}${app}.${call};`));
  // A file whose relative imports carry `.js` (Node's ES modules, module node16/nodenext) gets it in this one too.
  const extension = /\bfrom\s*['"]\.{1,2}\/[^'"\n]*\.js['"]/.test(text) ? '.js' : '';
  let path = relative(dirname(target), join(dir, layer.replace(/\.(ts|js)$/, ''))) + extension;
  if (!path.startsWith('.')) path = `./${path}`;
  const commonJs = /\.c?js$/.test(mount.file) && /\brequire\(/.test(text);
  const names = fastify ? `${watch}, ${name}` : name;
  lines.unshift(commonJs ? `const { ${names} } = require('${path}');` : `import { ${names} } from '${path}';`);
  writeFileSync(target, lines.join('\n'));
  return undefined;
}
