import { Project, QuoteKind, type ExportDeclaration, type ImportDeclaration, type SourceFile } from 'ts-morph';
import { importPath } from '../generate/import-path.ts';
import type { ServiceApi } from '../service-api.ts';

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

/**
 * Points the monolith's imports of the service at the facade: the names the service provides
 * move to an import of the facade (keeping `type` and aliases), the others stay where they were.
 * Namespace and default imports, `require` and `import()` are left for a person, listed with why.
 */
export function rewriteImports(
  api: ServiceApi,
  facadePath: string,
  readFile: (path: string) => string,
): { edits: FileEdit[]; manual: ManualImport[] } {
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const edits: FileEdit[] = [];
  const manual: ManualImport[] = [];
  const byFile = new Map<string, ServiceApi['callers']>();
  for (const caller of api.callers) byFile.set(caller.from, [...(byFile.get(caller.from) ?? []), caller]);
  for (const [path, callers] of byFile) {
    const before = readFile(path);
    // New imports quote like the file's own imports do.
    project.manipulationSettings.set({
      quoteKind:
        /^import[^\n]*"/m.test(before) && !/^import[^\n]*'/m.test(before) ? QuoteKind.Double : QuoteKind.Single,
    });
    const source = project.createSourceFile(`/${path}`, before, { overwrite: true });
    const target = importPath(path, facadePath);
    for (const caller of callers) {
      if (caller.kind === 'require' || caller.kind === 'dynamic') {
        manual.push({
          file: path,
          line: caller.line,
          reason: `${caller.kind === 'require' ? 'require()' : 'import()'} of '${caller.specifier}': point it at ${target} by hand`,
        });
        continue;
      }
      const declaration = declarationAt(source, caller.line, caller.specifier);
      // Already through the facade (a second run): nothing to do.
      if (!declaration || caller.specifier === target) continue;
      const reason = moveNames(declaration, new Set(caller.names), target);
      if (reason) manual.push({ file: path, line: caller.line, reason });
    }
    const after = source.getFullText();
    if (after !== before) edits.push({ path, before, after });
  }
  return { edits, manual };
}

function declarationAt(
  source: SourceFile,
  line: number,
  specifier: string,
): ImportDeclaration | ExportDeclaration | undefined {
  const candidates = [...source.getImportDeclarations(), ...source.getExportDeclarations()];
  return candidates.find(
    (d) => d.getModuleSpecifierValue() === specifier && d.getStartLineNumber() <= line && line <= d.getEndLineNumber(),
  );
}

// Moves the named bindings the service provides to a new declaration from the facade; a reason when it cannot.
function moveNames(
  declaration: ImportDeclaration | ExportDeclaration,
  names: ReadonlySet<string>,
  target: string,
): string | undefined {
  const isImport = declaration.getKindName() === 'ImportDeclaration';
  const specifiers = isImport
    ? (declaration as ImportDeclaration).getNamedImports()
    : (declaration as ExportDeclaration).getNamedExports();
  if (isImport) {
    const imported = declaration as ImportDeclaration;
    if (imported.getNamespaceImport())
      return `namespace import of '${imported.getModuleSpecifierValue()}': import the names you use from ${target} instead`;
    if (imported.getDefaultImport())
      return `default import of '${imported.getModuleSpecifierValue()}': the facade has named exports only; import them from ${target}`;
  } else if (specifiers.length === 0)
    return `export * from '${declaration.getModuleSpecifierValue()}': re-export the names from ${target} instead`;
  const moving = specifiers.filter((s) => names.has(s.getNameNode().getText()));
  if (moving.length === 0) return undefined;
  const structures = moving.map((s) => ({
    name: s.getNameNode().getText(),
    ...(s.getAliasNode() ? { alias: s.getAliasNode()!.getText() } : {}),
    isTypeOnly: s.isTypeOnly(),
  }));
  const typeOnly = declaration.isTypeOnly();
  const index = declaration.getChildIndex();
  const parent = declaration.getSourceFile();
  if (isImport)
    parent.insertImportDeclaration(index + 1, {
      moduleSpecifier: target,
      namedImports: structures,
      isTypeOnly: typeOnly,
    });
  else
    parent.insertExportDeclaration(index + 1, {
      moduleSpecifier: target,
      namedExports: structures,
      isTypeOnly: typeOnly,
    });
  if (moving.length === specifiers.length) declaration.remove();
  else for (const specifier of moving) specifier.remove();
  return undefined;
}
