import { Node, SyntaxKind, type SourceFile, type StringLiteral } from 'ts-morph';

/** One place a file names a module: the statement or call, and the specifier's string literal. */
export interface ModuleUse {
  kind: 'import' | 'reexport' | 'require' | 'dynamic' | 'import-type';
  node: Node;
  literal: StringLiteral;
  line: number;
}

/**
 * Every import, re-export, `require()`, `import x = require()`, `import()` and `import('...')` type
 * in a file, wherever it stands (top level or nested), found in its text as it is now.
 */
export function moduleUses(source: SourceFile): ModuleUse[] {
  const uses: ModuleUse[] = [];
  const add = (kind: ModuleUse['kind'], node: Node, literal: Node | undefined) => {
    if (literal && Node.isStringLiteral(literal)) uses.push({ kind, node, literal, line: node.getStartLineNumber() });
  };
  for (const declaration of source.getImportDeclarations())
    add('import', declaration, declaration.getModuleSpecifier());
  for (const declaration of source.getExportDeclarations())
    add('reexport', declaration, declaration.getModuleSpecifier());
  source.forEachDescendant((node) => {
    if (Node.isImportEqualsDeclaration(node)) {
      const reference = node.getModuleReference();
      if (Node.isExternalModuleReference(reference)) add('require', node, reference.getExpression());
    } else if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      const [argument] = node.getArguments();
      if (callee.getKind() === SyntaxKind.ImportKeyword) add('dynamic', node, argument);
      else if (Node.isIdentifier(callee) && callee.getText() === 'require' && node.getArguments().length === 1)
        add('require', node, argument);
    } else if (Node.isImportTypeNode(node)) {
      const argument = node.getArgument();
      add('import-type', node, Node.isLiteralTypeNode(argument) ? argument.getLiteral() : undefined);
    }
  });
  return uses;
}

/**
 * The names read from a whole-module binding (`ns.capturePayment`), or undefined when the binding
 * is used any other way (passed along, spread, called): then its module cannot be swapped safely.
 */
export function namesReadFrom(source: SourceFile, binding: string, declaration: Node): string[] | undefined {
  const names = new Set<string>();
  for (const identifier of source.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (identifier.getText() !== binding || identifier.getFirstAncestor((a) => a === declaration)) continue;
    const parent = identifier.getParent();
    if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === identifier) names.add(parent.getName());
    else if (Node.isQualifiedName(parent) && parent.getLeft() === identifier) names.add(parent.getRight().getText());
    else if (Node.isPropertyAccessExpression(parent) || Node.isPropertyAssignment(parent)) continue;
    else return undefined;
  }
  return [...names];
}

/**
 * The names a `require()` or `import()` takes: a destructuring (`const { a, b: c } = require(...)`),
 * a property read (`require(...).a`, `(await import(...)).a`), or the reads of the binding it is
 * assigned to. Undefined when they cannot be told.
 */
export function namesTaken(source: SourceFile, call: Node): string[] | undefined {
  let holder: Node = call;
  let parent = holder.getParent();
  while (parent && (Node.isAwaitExpression(parent) || Node.isParenthesizedExpression(parent))) {
    holder = parent;
    parent = holder.getParent();
  }
  if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === holder) return [parent.getName()];
  if (Node.isImportEqualsDeclaration(call)) return namesReadFrom(source, call.getName(), call);
  if (!Node.isVariableDeclaration(parent)) return undefined;
  const name = parent.getNameNode();
  if (Node.isObjectBindingPattern(name)) {
    const names: string[] = [];
    for (const element of name.getElements()) {
      if (element.getDotDotDotToken()) return undefined;
      const property = element.getPropertyNameNode() ?? element.getNameNode();
      if (!Node.isIdentifier(property) && !Node.isStringLiteral(property)) return undefined;
      names.push(Node.isStringLiteral(property) ? property.getLiteralValue() : property.getText());
    }
    return names;
  }
  return Node.isIdentifier(name) ? namesReadFrom(source, name.getText(), parent) : undefined;
}
