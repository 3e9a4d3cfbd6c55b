import { posix } from 'node:path';
import type { Edge } from '@seams/graph';
import type { Dependency } from './dependencies.ts';
import { filesRunByScripts, type PackageManifest } from './package-scripts.ts';
import { ambientDeclarations, onlyUsedWithin, testHelpers, vendored } from './set-apart-by-use.ts';
import type { SharedFile } from './shared-kernel.ts';

// The executables of a package (npm's `bin` folder, at the top of the tree): run by hand or by npm, no app code
// imports them (`bin/generate-keys.js`, an admin CLI over the services).
const BIN = {
  group: 'scripts',
  reason: 'executable run by hand or by npm',
  test: (file: string) => /^bin\/[^/]+\.[cm]?[jt]s$/.test(file),
  unused: true as const,
};

/**
 * Groups of files that are not part of any service, in the order they are tried. A rule marked `unused` takes a file
 * its name points at only if no app code imports it: `src/util/relations.config.ts` that the app imports is app code
 * whatever its name, `vite.config.ts` at the package root is the tool's.
 */
const RULES: Array<{ group: string; test: (file: string) => boolean; reason: string; unused?: true }> = [
  {
    group: 'tests',
    reason: 'test or test set-up',
    test: (file) =>
      /(^|\/)(__tests__|__mocks__|__fixtures__|tests?|e2e|specs?)\//.test(file) ||
      /\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/.test(file) ||
      /(^|\/)(setup-?tests|test-?setup|(vitest|jest)[.-]setup)[^/]*$/i.test(file),
  },
  {
    // A known tool's config, and a dotfile module (`.releaserc.js`, `.mocharc.js`): an app names no module of its
    // own with a leading dot.
    group: 'tool configs',
    reason: 'tool configuration',
    test: (file) =>
      /(^|\/)\.[^/]+\.[cm]?[jt]s$/.test(file) ||
      /(^|\/)(\.?eslintrc|\.?prettierrc|babel\.config|gulpfile|gruntfile|jest\.preset|webpack\.[^/]+|rollup\.[^/]+|ormconfig)(\.[cm]?[jt]s)?$/i.test(
        file,
      ),
  },
  {
    group: 'tool configs',
    reason: 'tool configuration',
    test: (file) => /(^|\/)[^/]+\.config\.[cm]?[jt]s$/.test(file),
    unused: true,
  },
  {
    group: 'migrations',
    reason: 'database migration or seed',
    test: (file) => /(^|\/)(migrations?|seeds?|seeders?)\//.test(file),
  },
  {
    // A seed beside its domain (`deal/deal.seed.ts`): a seed if only the seed runner and other seeds import it.
    group: 'migrations',
    reason: 'database seed: only seeding uses it',
    test: (file) => /(^|\/)([^/]+[.-])?(seeds?|seeders?|seed-data)(\.[^/]+)?\.[cm]?[jt]s$/i.test(file),
    unused: true,
  },
  { group: 'scripts', reason: 'script run by hand or by the build', test: (file) => /(^|\/)scripts?\//.test(file) },
  BIN,
  {
    // What npm runs at install or publish (`postinstall.js`), and the CI's own folders (`ci/`, `.github/`), at the top
    // of the tree: the package manager and the CI run them, the app never imports them.
    group: 'scripts',
    reason: 'script run by the package manager or the CI',
    test: (file) =>
      /^(pre|post)?(install|prepare|prepublish(only)?|pack)\.[cm]?[jt]s$/i.test(file) ||
      /^(ci|\.github|\.circleci|\.gitlab|\.husky|\.buildkite)\//.test(file),
    unused: true,
  },
];

// What package.json's scripts run (`"keys": "node bin/keys.js"`), but the server's start: a program of its own.
const RUN_BY_SCRIPTS = {
  group: 'scripts',
  reason: "script run by package.json's scripts",
  test: () => true,
  unused: true as const,
};

// Files that start the app and wire every part: found by name at the top of the tree, and only if nothing but
// other such files imports them (an `app.ts` a route imports for its router type is not a root).
/** The reason a test helper is set apart with the tests (by how tests use it, not by its path). */
export const TEST_HELPER = 'test helper: only tests use it';

const ROOT_NAME = /^(main|app|server|bootstrap|start|index|app\.module)\.[cm]?[jt]sx?$/;

/**
 * What is not a service: third-party code copied in, tests with their set-up and helpers, tool configs, migrations
 * and seeds, scripts, browser code (`browser`: the files only a bundle for the page loads), ambient type declarations, and the composition roots (`main.ts`, `app.module.ts`, `app.js` at
 * the top of the source tree). Each goes to a named group of its own, kept out of the services and out of the
 * extraction order.
 */
export function setApart(
  files: readonly string[],
  dependencies: readonly Dependency[],
  edges: ReadonlyArray<Pick<Edge, 'from' | 'to' | 'kind'>>,
  project: { browser?: ReadonlySet<string>; manifest?: PackageManifest; entries?: ReadonlySet<string> } = {},
): Array<SharedFile & { group: string }> {
  const browser = project.browser ?? new Set();
  const { scripts: runByScripts, server } = filesRunByScripts(files, project.manifest);
  const importers = new Map<string, string[]>();
  for (const { from, to } of dependencies) (importers.get(to) ?? importers.set(to, []).get(to)!).push(from);
  // Who imports a file as written (a barrel's users import the barrel), with and without type-only imports.
  const importsOf = new Map<string, string[]>();
  const users = new Map<string, string[]>();
  const valueUsers = new Map<string, string[]>();
  for (const { from, to, kind } of edges) {
    (importsOf.get(from) ?? importsOf.set(from, []).get(from)!).push(to);
    (users.get(to) ?? users.set(to, []).get(to)!).push(from);
    if (kind !== 'type') (valueUsers.get(to) ?? valueUsers.set(to, []).get(to)!).push(from);
  }
  const apart: Array<SharedFile & { group: string }> = [];
  const taken = new Set<string>();
  const add = (paths: Iterable<string>, group: string, reason: string) => {
    for (const path of paths)
      if (!taken.has(path)) {
        taken.add(path);
        apart.push({ path, reason, group });
      }
  };
  const rest = () => files.filter((file) => !taken.has(file));
  // Third-party code first: a library's own tests and build scripts are part of the library.
  add(vendored(files, importsOf), 'vendored', 'third-party code copied into the repository');
  // A rule taking only unused files keeps those no app code imports for a value: imported only by files other rules
  // take (a test, a script), by vendored code or by one another.
  const rulesOf = (file: string) => {
    const rules = RULES.filter((rule) => rule.test(file));
    // A root of the server a script starts (`"dev": "nodemon server.js"`) is a composition root, not a script; so is
    // the file a start script runs from `bin/` (`node ./bin/www`).
    if (isTopLevel(file) && ROOT_NAME.test(posix.basename(file))) return rules;
    if (server.has(file)) return rules.filter((rule) => rule !== BIN);
    return runByScripts.has(file) ? [...rules, RUN_BY_SCRIPTS] : rules;
  };
  const byName = new Map(rest().map((file) => [file, rulesOf(file)] as const));
  const plain = new Set([...taken, ...[...byName].filter(([, rules]) => rules.some((r) => !r.unused)).map(([f]) => f)]);
  const guarded = new Set([...byName].filter(([, rules]) => rules.some((r) => r.unused)).map(([file]) => file));
  const unused = onlyUsedWithin(guarded, valueUsers, plain);
  for (const [file, rules] of byName) {
    const rule = rules.find((r) => !r.unused || unused.has(file));
    if (rule) add([file], rule.group, rule.reason);
  }
  // What only a browser bundle loads (its entries, the client code they import) is a program of its own, not a part
  // of the server to cut out; its tests went to the tests above.
  add(
    rest().filter((file) => browser.has(file)),
    'browser',
    'browser code: only a bundle loads it',
  );
  add(ambientDeclarations(rest(), users), 'declarations', 'ambient type declarations, read by the compiler');
  const tests = new Set(apart.filter((a) => a.group === 'tests').map((a) => a.path));
  const roots = rest().filter((file) => isTopLevel(file) && ROOT_NAME.test(posix.basename(file)));
  // What the package hands its users (its manifest's entries, the server a script starts) and its composition roots
  // are production code even when only tests import them (a library-shaped app's real importer is someone else's
  // app), and so is all they reach: left out of the helpers, they keep their imports from being taken for helpers.
  const entries = new Set([...(project.entries ?? []), ...server, ...roots]);
  add(
    testHelpers(
      rest().filter((file) => !entries.has(file)),
      tests,
      { users, valueUsers },
    ),
    'tests',
    TEST_HELPER,
  );
  const rootSet = new Set(roots);
  const inGroups = new Set(taken);
  for (const root of roots)
    if ((importers.get(root) ?? []).every((user) => rootSet.has(user) || inGroups.has(user)))
      add([root], 'composition roots', 'composition root: starts the app');
  return apart.sort((a, b) => a.path.localeCompare(b.path));
}

// The top of the source tree: the root itself or one folder down (`src/main.ts`, `app.js`).
const isTopLevel = (file: string) => file.split('/').length <= 2;
