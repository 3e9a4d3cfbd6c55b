import { posix } from 'node:path';
import type { Dependency } from './dependencies.ts';
import type { SharedFile } from './shared-kernel.ts';

/** Groups of files that are not part of any service, in the order they are tried. */
const RULES: Array<{ group: string; test: (file: string) => boolean; reason: string }> = [
  {
    group: 'tests',
    reason: 'test or test set-up',
    test: (file) =>
      /(^|\/)(__tests__|__mocks__|__fixtures__|tests?|e2e|specs?)\//.test(file) ||
      /\.(test|spec|e2e-spec|e2e)\.[cm]?[jt]sx?$/.test(file) ||
      /(^|\/)(setup-?tests|test-?setup|(vitest|jest)[.-]setup)[^/]*$/i.test(file),
  },
  {
    group: 'tool configs',
    reason: 'tool configuration',
    test: (file) =>
      /(^|\/)[^/]+\.config\.[cm]?[jt]s$/.test(file) ||
      /(^|\/)(\.?eslintrc|\.?prettierrc|babel\.config|gulpfile|gruntfile|jest\.preset|webpack\.[^/]+|rollup\.[^/]+|ormconfig)(\.[cm]?[jt]s)?$/i.test(
        file,
      ),
  },
  {
    group: 'migrations',
    reason: 'database migration or seed',
    test: (file) => /(^|\/)(migrations?|seeds?|seeders?)\//.test(file),
  },
  { group: 'scripts', reason: 'script run by hand or by the build', test: (file) => /(^|\/)scripts?\//.test(file) },
];

// Files that start the app and wire every part: found by name at the top of the tree, and only if nothing but
// other such files imports them (an `app.ts` a route imports for its router type is not a root).
const ROOT_NAME = /^(main|app|server|bootstrap|start|index|app\.module)\.[cm]?[jt]sx?$/;

/**
 * What is not a service: tests and their set-up, tool configs, migrations and seeds, scripts, and the
 * composition roots (`main.ts`, `app.module.ts`, `app.js` at the top of the source tree). Each goes to a named
 * group of its own, kept out of the services and out of the extraction order.
 */
export function setApart(
  files: readonly string[],
  dependencies: readonly Dependency[],
): Array<SharedFile & { group: string }> {
  const importers = new Map<string, string[]>();
  for (const { from, to } of dependencies) (importers.get(to) ?? importers.set(to, []).get(to)!).push(from);
  const apart: Array<SharedFile & { group: string }> = [];
  for (const file of files) {
    const rule = RULES.find((r) => r.test(file));
    if (rule) apart.push({ path: file, reason: rule.reason, group: rule.group });
  }
  const taken = new Set(apart.map((a) => a.path));
  const roots = files.filter((file) => !taken.has(file) && isTopLevel(file) && ROOT_NAME.test(posix.basename(file)));
  const rootSet = new Set(roots);
  for (const root of roots)
    if ((importers.get(root) ?? []).every((user) => rootSet.has(user) || taken.has(user)))
      apart.push({ path: root, reason: 'composition root: starts the app', group: 'composition roots' });
  return apart.sort((a, b) => a.path.localeCompare(b.path));
}

// The top of the source tree: the root itself or one folder down (`src/main.ts`, `app.js`).
const isTopLevel = (file: string) => file.split('/').length <= 2;
