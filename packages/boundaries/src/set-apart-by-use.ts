/** Who imports each file, from the file-to-file dependencies. */
type Importers = ReadonlyMap<string, readonly string[]>;

// Minified bundles shipped as they came (`jquery-ui.min.js`, `abcjs_basic-min.js`).
const MINIFIED = /[.-]min\.[cm]?js$/i;
// Folders that by convention hold someone else's code copied into the repository.
const VENDOR_FOLDER = /(^|\/)(vendor|vendored|third[-_]?party|3rd[-_]?party|bower_components)\//i;

/**
 * Third-party code copied into the repository: minified bundles, and whole vendor folders (`public/vendor/`,
 * `third_party/`) none of whose files imports a file outside the folder. A library never reaches back into the
 * app; a `vendor/` folder that does is the app's own code (a marketplace's vendors) and stays.
 */
export function vendored(files: readonly string[], importsOf: Importers): Set<string> {
  const found = new Set(files.filter((file) => MINIFIED.test(file)));
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const match = VENDOR_FOLDER.exec(file);
    if (!match) continue;
    const folder = file.slice(0, match.index + match[0].length);
    (byFolder.get(folder) ?? byFolder.set(folder, []).get(folder)!).push(file);
  }
  for (const [folder, members] of byFolder)
    if (members.every((file) => (importsOf.get(file) ?? []).every((to) => to.startsWith(folder))))
      for (const file of members) found.add(file);
  return found;
}

const DECLARATION = /\.d\.[cm]?ts$/;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Ambient declaration files: `.d.ts` files with no same-named source beside them (`koa.d.ts` augmenting a package,
 * `global.d.ts`) that no code imports. The compiler takes them in through the tsconfig, not through an import, so
 * they belong to no service. A `.d.ts` the code imports, or one typing the `.js` beside it, stays with that code.
 */
export function ambientDeclarations(files: readonly string[], importers: Importers): Set<string> {
  const present = new Set(files);
  const found = new Set<string>();
  for (const file of files) {
    if (!DECLARATION.test(file)) continue;
    const stem = file.replace(DECLARATION, '');
    if (SOURCE_EXTENSIONS.some((extension) => present.has(stem + extension))) continue;
    found.add(file);
  }
  // A declaration imported only by other ambient declarations is ambient too.
  return onlyUsedWithin(found, importers);
}

// Folders and files named for test support: `test-utils/`, `testHelpers.ts`, `testing/`, `mocks/`, `fixtures/`.
const TEST_HELPER_NAME = new RegExp(
  String.raw`(^|/)(test[-_]?(utils?|utilities|helpers?|support|kit)|testing|mocks?|fixtures?|stubs?|fakes?)` +
    String.raw`(/|\.[cm]?[jt]sx?$)`,
  'i',
);

/**
 * Test helpers: files named for test support and files the app never imports but tests do. A named helper is set
 * apart when every file importing it for a value is a test or another such helper: a `test-utils.ts` whose code the
 * app runs is app code whatever its name, while a type borrowed from it is gone at run time. A file with no such
 * name must have no importer but tests and must not be what a test is named after (`orders.ts` of `orders.test.ts`);
 * one nothing imports stays: the app reaches many files without imports (routes by convention, entry points).
 */
export function testHelpers(
  files: readonly string[],
  tests: ReadonlySet<string>,
  { users: importers, valueUsers }: { users: Importers; valueUsers: Importers },
): Set<string> {
  const named = files.filter((file) => !tests.has(file) && TEST_HELPER_NAME.test(file));
  const byName = onlyUsedWithin(new Set(named), valueUsers, tests);
  const allowed = new Set([...tests, ...byName]);
  // The file a test is named after is the code under test, which the app reaches some other way (by convention).
  const underTest = (file: string) => (importers.get(file) ?? []).some((user) => stemOf(user) === stemOf(file));
  const imported = files.filter(
    (file) => !allowed.has(file) && (importers.get(file) ?? []).length > 0 && !underTest(file),
  );
  const byUse = onlyUsedWithin(new Set(imported), importers, allowed);
  // Only what a test reaches: two files importing each other and nothing else are not helpers of any test.
  const uses = new Map<string, string[]>();
  for (const file of byUse)
    for (const user of importers.get(file) ?? []) (uses.get(user) ?? uses.set(user, []).get(user)!).push(file);
  const reached = [...byUse].filter((file) => (importers.get(file) ?? []).some((user) => allowed.has(user)));
  const seen = new Set(reached);
  for (let at = 0; at < reached.length; at++)
    for (const next of uses.get(reached[at]!) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        reached.push(next);
      }
  return new Set([...byName, ...reached]);
}

/**
 * The candidates whose importers are all candidates or `allowed` files, dropping the others until none is left to
 * drop: a helper imported by a dropped file is dropped too.
 */
export function onlyUsedWithin(
  candidates: ReadonlySet<string>,
  importers: Importers,
  allowed: ReadonlySet<string> = new Set(),
): Set<string> {
  const kept = new Set(candidates);
  for (let changed = true; changed;) {
    changed = false;
    for (const file of kept)
      if ((importers.get(file) ?? []).some((user) => !kept.has(user) && !allowed.has(user))) {
        kept.delete(file);
        changed = true;
      }
  }
  return kept;
}

// `order.service` of `src/orders/order.service.spec.ts`: the name up to the test or source extension.
const stemOf = (file: string) =>
  file
    .slice(file.lastIndexOf('/') + 1)
    .replace(/\.[cm]?[jt]sx?$/, '')
    .replace(/[.-](e2e-spec|test|spec|e2e)$/, '');
