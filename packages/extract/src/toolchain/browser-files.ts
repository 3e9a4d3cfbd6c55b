import { posix } from 'node:path';
import type { Graph } from '@seams/graph';

// A bundler's config: what it names are files of a browser bundle (webpack.common.js, vite.config.ts, rollup.config.mjs).
const BUNDLER_CONFIG = /(^|\/)(webpack(\.[\w-]+)*|vite\.config|rollup\.config)\.[cm]?[jt]s$/;
const STRING = /(['"`])((?:\.{0,2}\/)?[\w@./-]+)\1/g;
const SOURCE = /\.[cm]?[jt]sx?$/;
// A bundle built for Node (a server bundled with webpack), not for a page.
const NODE_BUNDLE = /\btarget\s*:\s*['"`](?:async-)?node|webpack-node-externals/;
// The page's globals, a service worker's (`self.addEventListener('fetch', ...)`, `importScripts`), or React's DOM
// renderer: code that runs in a browser.
const BROWSER_CODE =
  /\b(?:window|document)\.\w|\bself\.(?:addEventListener|skipWaiting|clients|registration)\b|\bimportScripts\(|['"]react-dom(?:\/client)?['"]/;
// How a start script names the server's file: `node app.js`, `nodemon src/main.ts`, `ts-node -r x src/main`.
const RUNNER =
  /(?:^|[\s;&|])(?:node|nodemon|ts-node(?:-dev)?|tsx|babel-node)\s+(?:-{1,2}[\w-]+(?:[=\s]\S+)?\s+)*([\w./-]+)/g;

/** The monolith's files a browser bundle loads: those only it runs, and those the server loads too. */
interface BrowserFiles {
  only: Set<string>;
  shared: Set<string>;
}

/**
 * The monolith's files that run only in a browser bundle: reached through imports from what a bundler's
 * config names (webpack's `entry`, Rollup's `input`) or from package.json's `browser` or `meteor.mainModule.client`,
 * and not from the server's entry points (package.json's `main`, `bin`, `meteor.mainModule.server`, and the file its
 * start script runs), and the files neither reaches that use the page's globals (`window.`, `document.`) or
 * react-dom. They are a
 * program of their own: the codemod leaves them as they are (a server facade cannot run there) and the
 * service's package does not depend on what they import. A file both programs reach is the server's.
 * Without a server entry point it knows, or for a bundle built for Node (`target: 'node'`, node
 * externals), nothing is the browser's: extract then rewires as before. `shared` are the files both programs load:
 * the server's, but pointed at a facade (which runs on Node) they would break the bundle.
 */
export function browserFiles(graph: Pick<Graph, 'files' | 'edges'>, readFile: (path: string) => string): BrowserFiles {
  const none = (): BrowserFiles => ({ only: new Set(), shared: new Set() });
  const known = new Set(graph.files.map((f) => f.path));
  const resolve = (from: string, specifier: string): string | undefined => {
    const base = posix.normalize(posix.join(from, specifier)).replace(/^\.\//, '');
    return ['', '.js', '.ts', '.jsx', '.tsx', '.mjs', '.cjs', '/index.js', '/index.ts']
      .map((extension) => base + extension)
      .find((path) => known.has(path) && SOURCE.test(path));
  };
  const read = (path: string) => {
    try {
      return readFile(path);
    } catch {
      return undefined;
    }
  };
  const browser: string[] = [];
  for (const config of graph.files.map((f) => f.path).filter((path) => BUNDLER_CONFIG.test(path))) {
    const text = read(config) ?? '';
    if (NODE_BUNDLE.test(text)) continue;
    const folder = posix.dirname(config);
    // Webpack resolves entries from its `context`, the folder it runs in by default: a config kept in a folder of its
    // own (`webpack/webpack.config.js`) names `./bundle/app.js` from the package's root. Only a path is read so: a
    // bare word (`server` in a comment) is no entry.
    for (const match of text.matchAll(STRING)) {
      const named = match[2]!;
      const file = resolve(folder, named) ?? (named.includes('/') ? resolve('.', named) : undefined);
      if (file && file !== config) browser.push(file);
    }
  }
  const manifest = parse(read('package.json'));
  if (typeof manifest.browser === 'string') browser.push(...[resolve('.', manifest.browser)].filter(isString));
  // A Meteor app names the two programs' first modules itself: `"meteor": { "mainModule": { "client", "server" } }`.
  const mainModule = manifest.meteor?.mainModule;
  if (isString(mainModule?.client)) browser.push(...[resolve('.', mainModule.client)].filter(isString));
  if (browser.length === 0) return none();
  // A start script may run the build's output (`node ./build/server/index.js`, `node dist/main.js`): its source is
  // the same path under the root or under src/.
  const started = (named: string) => {
    const rest = named
      .replace(/^\.\//, '')
      .split('/')
      .slice(1)
      .join('/')
      .replace(/\.[cm]?js$/, '');
    return resolve('.', named) ?? (rest ? (resolve('.', rest) ?? resolve('src', rest)) : undefined);
  };
  const server: string[] = [];
  const meteorServer = isString(mainModule?.server) ? [mainModule.server] : [];
  for (const named of [manifest.main ?? 'index.js', ...binFiles(manifest.bin), ...meteorServer])
    server.push(...[resolve('.', named)].filter(isString));
  for (const match of (manifest.scripts?.start ?? '').matchAll(RUNNER))
    server.push(...[started(match[1]!)].filter(isString));
  if (server.length === 0) return none();
  const onServer = reach(graph.edges, server);
  // A string of the bundler's config that names a file of the server (webpack's `name: 'app'` is app.js) is no entry.
  const bundled = reach(
    graph.edges,
    browser.filter((file) => !onServer.has(file)),
  );
  // What neither program imports (a script tag's file, a plugin copied as is) is the browser's when it uses the DOM.
  const loose = graph.files.map((f) => f.path).filter((path) => !onServer.has(path));
  const dom = loose.filter((path) => SOURCE.test(path) && !bundled.has(path) && BROWSER_CODE.test(read(path) ?? ''));
  return {
    only: new Set([...bundled, ...dom].filter((path) => !onServer.has(path))),
    shared: new Set([...bundled].filter((path) => onServer.has(path))),
  };
}

interface Manifest {
  main?: string;
  browser?: unknown;
  bin?: unknown;
  scripts?: { start?: string };
  meteor?: { mainModule?: { client?: unknown; server?: unknown } };
}

function parse(text: string | undefined): Manifest {
  try {
    return (JSON.parse(text ?? '{}') as Manifest | null) ?? {};
  } catch {
    return {};
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

const binFiles = (bin: unknown): string[] =>
  typeof bin === 'string' ? [bin] : bin && typeof bin === 'object' ? Object.values(bin).filter(isString) : [];

// Every file the starts load, directly or not, the starts included: an \`import type\` is erased, it loads nothing.
function reach(edges: Graph['edges'], starts: readonly string[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.kind === 'type') continue;
    const targets = next.get(edge.from);
    if (targets) targets.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }
  const seen = new Set(starts);
  const queue = [...starts];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const to of next.get(file) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}
