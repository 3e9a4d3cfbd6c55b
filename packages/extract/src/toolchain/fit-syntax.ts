import { ts } from 'ts-morph';

/** The TypeScript version as [major, minor]; undefined (none installed) reads as the newest. */
function versionOf(typescript: string | undefined): [number, number] {
  const match = /^\D*(\d+)\.(\d+)/.exec(typescript ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [Infinity, 0];
}

const atLeast = (version: [number, number], major: number, minor: number) =>
  version[0] > major || (version[0] === major && version[1] >= minor);

/**
 * The newest target and library the compiler knows (ES2022 from TypeScript 4.6, ES2020 from 3.8, ES2019
 * from 3.6): a tsconfig naming one it does not know fails before it reads a file (TS6046).
 */
export function knownTarget(typescript: string | undefined): string {
  const version = versionOf(typescript);
  if (atLeast(version, 4, 6)) return 'ES2022';
  if (atLeast(version, 3, 8)) return 'ES2020';
  if (atLeast(version, 3, 6)) return 'ES2019';
  return 'ES2017';
}

/**
 * Generated code as the monolith's compiler parses it: `type` on an imported name (TypeScript 4.5)
 * becomes a separate `import type` (3.8), or a plain import before 3.8 (the compiler drops an import
 * used only as a type). The generators write for a current compiler; this fits the one the monolith has.
 */
export function fitSyntax(content: string, typescript: string | undefined): string {
  const version = versionOf(typescript);
  if (atLeast(version, 4, 5) || !/\btype\s+[\w{]/.test(content)) return content;
  const source = ts.createSourceFile('generated.ts', content, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
    const clause = statement.importClause;
    const named = clause.namedBindings;
    if (clause.isTypeOnly) {
      // `import type` itself is TypeScript 3.8: before it, the same import without the word.
      if (!atLeast(version, 3, 8))
        edits.push({
          start: statement.getStart(source),
          end: statement.getEnd(),
          text: statement.getText(source).replace(/^import\s+type\s+/, 'import '),
        });
      continue;
    }
    if (!named || !ts.isNamedImports(named)) continue;
    const typed = named.elements.filter((element) => element.isTypeOnly);
    if (typed.length === 0) continue;
    const name = (element: ts.ImportSpecifier) =>
      element.propertyName ? `${element.propertyName.text} as ${element.name.text}` : element.name.text;
    const from = statement.moduleSpecifier.getText(source);
    const values = named.elements.filter((element) => !element.isTypeOnly).map(name);
    const types = typed.map(name);
    const lines = atLeast(version, 3, 8)
      ? [
          ...(values.length > 0 || clause.name ? [importLine(clause.name?.text, values, from)] : []),
          `import type { ${types.join(', ')} } from ${from};`,
        ]
      : [importLine(clause.name?.text, [...values, ...types], from)];
    edits.push({ start: statement.getStart(source), end: statement.getEnd(), text: lines.join('\n') });
  }
  return edits.reduceRight((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), content);
}

function importLine(defaultName: string | undefined, names: readonly string[], from: string): string {
  const parts = [...(defaultName ? [defaultName] : []), ...(names.length > 0 ? [`{ ${names.join(', ')} }`] : [])];
  return `import ${parts.join(', ')} from ${from};`;
}
