import { Node, Project, QuoteKind, type ExportDeclaration, type ImportDeclaration, type SourceFile } from 'ts-morph';
import type { Graph } from '@seams/graph';
import { facadeDefaults } from '../generate/default-exports.ts';
import { importPath } from '../generate/import-path.ts';
import type { ServiceApi } from '../service-api.ts';
import { aliasSpecifier } from './alias-specifier.ts';
import { moduleTargets, UNKNOWN, type ModuleTargets } from './module-targets.ts';
import { moduleUses, namesReadFrom, namesTaken, type ModuleUse } from './module-uses.ts';

/** One file the codemod changes, before and after. */
export interface FileEdit {
  path: string;
  before: string;
  after: string;
}

/** An import the codemod leaves to a person, with why. */
export interface ManualImport {
  file: string;
  line: number;
  reason: string;
}

/** What the codemod rewrote, by kind of statement, so its summary can be checked. */
export type RewriteCounts = Record<ModuleUse['kind'], number>;

export interface CodemodInput {
  graph: Pick<Graph, 'files' | 'edges'>;
  api: ServiceApi;
  facadePath: string;
  /** The entries that are types (for `export type`); default none. */
  typeEntries?: ReadonlySet<string>;
  /** What relative specifiers end with ('.js' for Node's ES modules; default none). */
  extension?: string;
  /**
   * The entries the facade routes (operations, providers, instances); the rest it only re-exports unchanged, so
   * an import that takes only those keeps pointing at the declaring file: through the facade it would load the
   * service's code and could close an import cycle (an entity imported by another entity).
   */
  routed: ReadonlySet<string>;
  /** The files the plan sets apart as tests: one that imports nothing of the project but the service tests it. */
  tests?: ReadonlySet<string>;
  /**
   * The monolith's import aliases over a folder (`#src/`, `@/`): an import of the service written with one points at
   * the facade with it too, where the facade is in that folder. Default none.
   */
  aliases?: readonly string[];
  /** The folders of seams extract's own output: neither rewritten nor a target. */
  generated: readonly string[];
  readFile: (path: string) => string;
}

/**
 * Points the monolith at the facade: every import, re-export, `require()`, `import()` and import
 * type, in every file of the project, read as the file is now. The names the facade serves move to
 * it (keeping `type` and aliases), the others stay where they were; whatever cannot be moved safely
 * (default imports, `export *`, a module binding used whole, names the facade does not serve) is
 * listed for a person with why.
 */
export function rewriteImports(input: CodemodInput): {
  edits: FileEdit[];
  manual: ManualImport[];
  counts: RewriteCounts;
  /** Tests of the service's own code, left pointing at it. */
  ownTests: string[];
} {
  const { graph, api, facadePath, extension = '', generated, readFile, routed } = input;
  const types = input.typeEntries ?? new Set<string>();
  const members = new Set(api.files);
  const targets = moduleTargets(graph, members);
  const served = new Set(api.entries);
  const defaults = facadeDefaults(api.entries);
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const edits: FileEdit[] = [];
  const manual: ManualImport[] = [];
  const counts: RewriteCounts = { import: 0, reexport: 0, require: 0, dynamic: 0, 'import-type': 0 };
  const isGenerated = (path: string) => generated.some((folder) => path.startsWith(`${folder}/`));
  const ownTests = testsOfTheService(graph, members, input.tests ?? new Set(), isGenerated);
  for (const file of graph.files) {
    const path = file.path;
    if (members.has(path) || isGenerated(path) || file.language === 'other' || file.dts) continue;
    if (ownTests.includes(path)) continue;
    let before: string;
    try {
      before = readFile(path);
    } catch {
      continue; // Deleted since the graph was made: nothing imports anything there.
    }
    const mentioned = [...before.matchAll(/(?:from|import|require)\s*\(?\s*['"`]([^'"`\n]+)['"`]/g)].map((m) => m[1]!);
    if (!mentioned.some((s) => reaches(targets, path, s, isGenerated))) continue;
    project.manipulationSettings.set({ quoteKind: quoteOf(before) });
    const source = project.createSourceFile(`/${path}`, before, { overwrite: true });
    const facade = importPath(path, facadePath) + extension;
    const context: FileContext = {
      source,
      path,
      facade,
      facadePath,
      aliases: input.aliases ?? [],
      targets,
      served,
      routed,
      types,
      members,
      defaults,
      manual,
      counts,
      isGenerated,
    };
    for (const use of moduleUses(source)) rewriteUse(context, use);
    const after = source.getFullText();
    if (after !== before) edits.push({ path, before, after });
  }
  manual.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { edits: edits.sort((a, b) => (a.path < b.path ? -1 : 1)), manual, counts, ownTests };
}

// A test whose imports of the project are all the service's (or other tests') tests the service's own code:
// pointed at the facade it would test the routing instead, and load the whole service where it took one file.
function testsOfTheService(
  graph: Pick<Graph, 'edges'>,
  members: ReadonlySet<string>,
  tests: ReadonlySet<string>,
  isGenerated: (path: string) => boolean,
): string[] {
  const reachesService = new Set<string>();
  const reachesOthers = new Set<string>();
  for (const edge of graph.edges) {
    if (!tests.has(edge.from) || edge.to === edge.from) continue;
    if (members.has(edge.to)) reachesService.add(edge.from);
    else if (!tests.has(edge.to) && !isGenerated(edge.to)) reachesOthers.add(edge.from);
  }
  return [...reachesService].filter((path) => !reachesOthers.has(path)).sort();
}

interface FileContext {
  source: SourceFile;
  path: string;
  /** The facade's specifier from this file: relative, or in the alias the statement at hand uses. */
  facade: string;
  facadePath: string;
  aliases: readonly string[];
  targets: ModuleTargets;
  served: ReadonlySet<string>;
  /** Served entries the facade routes; the others it re-exports unchanged. */
  routed: ReadonlySet<string>;
  members: ReadonlySet<string>;
  /** Entries that are types: re-exported with `export type`. */
  types: ReadonlySet<string>;
  /** The facade's name for each service file's default export. */
  defaults: ReadonlyMap<string, string>;
  manual: ManualImport[];
  counts: RewriteCounts;
  isGenerated: (path: string) => boolean;
}

function reaches(
  targets: ModuleTargets,
  from: string,
  specifier: string,
  isGenerated: (p: string) => boolean,
): boolean {
  const target = targets.resolve(from, specifier);
  return target !== undefined && !isGenerated(target) && targets.reachesService(target);
}

// New imports quote like the file's own imports do.
const quoteOf = (text: string) =>
  /^import[^\n]*"/m.test(text) && !/^import[^\n]*'/m.test(text) ? QuoteKind.Double : QuoteKind.Single;

/**
 * Which of `names` the facade routes, which it only re-exports (`kept`: they stay where they are), which are the
 * service's but not served, and which are not the service's.
 */
function sortNames(context: FileContext, target: string, names: readonly string[]) {
  const result = {
    served: [] as string[],
    kept: [] as string[],
    unserved: [] as string[],
    unknown: [] as string[],
    others: [] as string[],
  };
  for (const name of names) {
    const provider = context.targets.provider(target, name);
    const entry = `${provider as string}#${name}`;
    if (provider === UNKNOWN) result.unknown.push(name);
    else if (provider === undefined) result.others.push(name);
    else if (context.routed.has(entry) && context.served.has(entry)) result.served.push(name);
    else if (context.served.has(entry)) result.kept.push(name);
    else result.unserved.push(name);
  }
  return result;
}

function rewriteUse(file: FileContext, use: ModuleUse): void {
  const specifier = use.literal.getLiteralValue();
  if (!reaches(file.targets, file.path, specifier, file.isGenerated)) return;
  const target = file.targets.resolve(file.path, specifier)!;
  // `#src/orders/order.service.js` gives `#src/extracted/orders/facade/orders.facade.js`: the style the file uses.
  const alias = aliasSpecifier(specifier, target, file.facadePath, file.aliases);
  const context = alias === undefined ? file : { ...file, facade: alias };
  const leave = (reason: string): void => void context.manual.push({ file: context.path, line: use.line, reason });
  const what = `${describe(use)} of '${specifier}'`;
  if (Node.isImportDeclaration(use.node) || Node.isExportDeclaration(use.node)) {
    const declaration = use.node;
    if (Node.isImportDeclaration(declaration) && declaration.getDefaultImport()) {
      if (moveDefault(context, declaration, target, leave, what) === 'removed') return;
    }
    const whole = wholeModuleBinding(declaration);
    if (whole === 'export-star' && Node.isExportDeclaration(declaration))
      return reexportServed(context, declaration, target, leave, specifier);
    const specifiers = Node.isImportDeclaration(declaration)
      ? declaration.getNamedImports()
      : declaration.getNamedExports();
    if (whole === 'namespace' && Node.isImportDeclaration(declaration)) {
      const names = namesReadFrom(context.source, declaration.getNamespaceImport()?.getText() ?? '', declaration);
      return swapWhole(context, use, target, names, leave, what);
    }
    if (whole === 'export-namespace')
      return leave(`export * as from '${specifier}': re-export the names you need from ${context.facade} instead`);
    const names = specifiers.map((s) => s.getNameNode().getText());
    const sorted = sortNames(context, target, names);
    reportUnmovable(sorted, leave, what, context.facade);
    if (sorted.served.length === 0) return;
    moveNames(declaration, new Set(sorted.served), context.facade, (name) => facadeName(context, target, name));
    context.counts[use.kind]++;
    return;
  }
  if (use.kind === 'import-type') {
    const qualifier = (use.node as import('ts-morph').ImportTypeNode).getQualifier();
    const first = qualifier?.getText().split('.')[0];
    return swapWhole(context, use, target, first ? [first] : undefined, leave, what);
  }
  swapWhole(context, use, target, namesTaken(context.source, use.node), leave, what);
}

// A statement that takes the module whole: its specifier can point at the facade only when every name read is served.
function swapWhole(
  context: FileContext,
  use: ModuleUse,
  target: string,
  names: string[] | undefined,
  leave: (reason: string) => void,
  what: string,
): void {
  if (names === undefined) {
    // Only names the facade routes can move; a module none of whose names go remote stays with the monolith's copy.
    const routedHere = [...context.routed]
      .map((entry) => [entry.slice(0, entry.lastIndexOf('#')), entry.slice(entry.lastIndexOf('#') + 1)] as const)
      .filter(
        ([file, name]) => context.served.has(`${file}#${name}`) && context.targets.provider(target, name) === file,
      )
      .map(([, name]) => facadeName(context, target, name));
    if (routedHere.length === 0) return;
    return leave(`${what} uses the module whole: take ${list(routedHere.sort())} from ${context.facade} by hand`);
  }
  const sorted = sortNames(context, target, names);
  // Nothing the facade routes (names it only re-exports keep the declaring file): the statement stays.
  if (sorted.served.length === 0 && sorted.unserved.length === 0 && sorted.unknown.length === 0) return;
  if (sorted.others.length > 0 || sorted.unserved.length > 0 || sorted.unknown.length > 0) {
    reportUnmovable(sorted, leave, what, context.facade);
    if (sorted.others.length > 0)
      leave(
        `${what} takes ${list(sorted.served)} from the service and ${list(sorted.others)} from elsewhere: split it, then point the first at ${context.facade}`,
      );
    return;
  }
  const quote = use.literal.getText()[0] ?? "'";
  use.literal.replaceWithText(`${quote}${context.facade}${quote}`);
  context.counts[use.kind]++;
}

// The facade's name for a name of `target`: a default export may have another name there.
function facadeName(context: FileContext, target: string, name: string): string {
  if (name !== 'default') return name;
  const provider = context.targets.provider(target, name);
  return (typeof provider === 'string' && context.defaults.get(provider)) || name;
}

// `import x from` the service: from the facade's default, or the name the facade gives that file's default.
function moveDefault(
  context: FileContext,
  declaration: ImportDeclaration,
  target: string,
  leave: (reason: string) => void,
  what: string,
): 'removed' | 'kept' {
  const sorted = sortNames(context, target, ['default']);
  if (sorted.served.length === 0) {
    reportUnmovable(sorted, leave, what, context.facade);
    return 'kept';
  }
  const local = declaration.getDefaultImport()!.getText();
  const name = facadeName(context, target, 'default');
  const isTypeOnly = declaration.isTypeOnly();
  context.source.insertImportDeclaration(declaration.getChildIndex() + 1, {
    moduleSpecifier: context.facade,
    isTypeOnly,
    ...(name === 'default' ? { defaultImport: local } : { namedImports: [{ name, alias: local }] }),
  });
  context.counts.import++;
  if (declaration.getNamedImports().length > 0 || declaration.getNamespaceImport()) {
    declaration.removeDefaultImport();
    return 'kept';
  }
  declaration.remove();
  return 'removed';
}

// `export * from` the service: the names of it the facade serves are re-exported from the facade (an
// explicit export wins over the star), the rest still come through the star.
function reexportServed(
  context: FileContext,
  declaration: ExportDeclaration,
  target: string,
  leave: (reason: string) => void,
  specifier: string,
): void {
  const already = new Set(
    context.source
      .getExportDeclarations()
      .filter((d) => d.getModuleSpecifierValue() === context.facade)
      .flatMap((d) => d.getNamedExports().map((e) => e.getNameNode().getText())),
  );
  const names = new Set<string>();
  for (const entry of context.served) {
    const name = entry.slice(entry.lastIndexOf('#') + 1);
    const provider = context.targets.provider(target, name);
    if (name !== 'default' && typeof provider === 'string' && entry === `${provider}#${name}`) names.add(name);
  }
  if (names.size === 0)
    return leave(`export * from '${specifier}': re-export the names you need from ${context.facade} instead`);
  // What the facade only re-exports still comes through the star.
  const isRouted = (name: string) => context.routed.has(`${context.targets.provider(target, name) as string}#${name}`);
  const moving = [...names].filter((name) => isRouted(name) && !already.has(name)).sort();
  const isType = (name: string) => context.types.has(`${context.targets.provider(target, name) as string}#${name}`);
  const index = declaration.getChildIndex() + 1;
  for (const [typeOnly, group] of [
    [true, moving.filter(isType)],
    [false, moving.filter((name) => !isType(name))],
  ] as const)
    if (group.length > 0)
      context.source.insertExportDeclaration(index, {
        moduleSpecifier: context.facade,
        namedExports: group.map((name) => ({ name })),
        isTypeOnly: typeOnly || declaration.isTypeOnly(),
      });
  if (moving.length > 0) context.counts.reexport++;
}

function reportUnmovable(
  sorted: { unserved: string[]; unknown: string[] },
  leave: (reason: string) => void,
  what: string,
  facade: string,
): void {
  if (sorted.unserved.length > 0)
    leave(
      `${what}: ${list(sorted.unserved)} not served by ${facade}, since the graph records no import of them by name (a require() of the whole module, or an import newer than the graph): point them at the facade by hand, or extract again on a fresh graph`,
    );
  if (sorted.unknown.length > 0)
    leave(
      `${what}: cannot tell whether ${list(sorted.unknown)} come from the service (the graph predates this import): run seams extract again on a fresh graph`,
    );
}

const list = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

const describe = (use: ModuleUse) =>
  ({
    import: 'import',
    reexport: 're-export',
    require: 'require()',
    dynamic: 'import()',
    'import-type': 'import() type',
  })[use.kind];

function wholeModuleBinding(
  declaration: ImportDeclaration | ExportDeclaration,
): 'namespace' | 'default' | 'export-star' | 'export-namespace' | undefined {
  if (Node.isImportDeclaration(declaration)) {
    if (declaration.getNamespaceImport()) return 'namespace';
    if (declaration.getDefaultImport()) return 'default';
    return undefined;
  }
  if (declaration.getNamespaceExport()) return 'export-namespace';
  return declaration.getNamedExports().length === 0 ? 'export-star' : undefined;
}

// Moves the named bindings the facade serves to a new declaration from it, right after the original.
function moveNames(
  declaration: ImportDeclaration | ExportDeclaration,
  names: ReadonlySet<string>,
  target: string,
  renamed: (name: string) => string,
): void {
  const isImport = Node.isImportDeclaration(declaration);
  const specifiers = isImport ? declaration.getNamedImports() : declaration.getNamedExports();
  const moving = specifiers.filter((s) => names.has(s.getNameNode().getText()));
  const structures = moving.map((s) => {
    const name = s.getNameNode().getText();
    const alias = s.getAliasNode()?.getText() ?? (renamed(name) !== name ? name : undefined);
    return { name: renamed(name), ...(alias ? { alias } : {}), isTypeOnly: s.isTypeOnly() };
  });
  const index = declaration.getChildIndex();
  const parent = declaration.getSourceFile();
  const isTypeOnly = declaration.isTypeOnly();
  if (isImport)
    parent.insertImportDeclaration(index + 1, { moduleSpecifier: target, namedImports: structures, isTypeOnly });
  else parent.insertExportDeclaration(index + 1, { moduleSpecifier: target, namedExports: structures, isTypeOnly });
  if (moving.length === specifiers.length) declaration.remove();
  else for (const specifier of moving) specifier.remove();
}
