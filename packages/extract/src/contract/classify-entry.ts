import { InputError } from '@seams/graph';
import {
  Node,
  type ArrowFunction,
  type FunctionDeclaration,
  type FunctionExpression,
  type MethodDeclaration,
  type Signature,
  type BinaryExpression,
  type SourceFile,
} from 'ts-morph';
import { packageTypeName } from './builtin-types.ts';
import type { LoadedProject } from './load-project.ts';
import type { NamedDeclaration } from './named-types.ts';

type FunctionNode = FunctionDeclaration | ArrowFunction | FunctionExpression | MethodDeclaration;

/** What an entry `file#name` turns out to be; `line` is in `file`, a line of the project. */
export type Entry =
  | {
      kind: 'function';
      name: string;
      file: string;
      line: number;
      declaration: Node;
      signature: Signature;
      fn?: FunctionNode;
    }
  | { kind: 'type'; name: string; file: string; line: number; declaration: NamedDeclaration }
  | { kind: 'class' | 'value'; name: string; file: string; line: number; declaration: Node };

export function classifyEntry(project: LoadedProject, entry: string): Entry {
  const hash = entry.lastIndexOf('#');
  const [file, name] = [entry.slice(0, hash), entry.slice(hash + 1)];
  if (hash < 0 || !name)
    throw new InputError('SEAMS_INPUT_NOT_FOUND', `'${entry}' is not an entry: write it as file#name.`);
  const source = project.sourceFile(file);
  const found =
    source.getExportedDeclarations().get(name)?.[0] ??
    source
      .getSymbol()
      ?.getExports()
      .find((symbol) => symbol.getName() === name)
      ?.getDeclarations()[0];
  const declaration = found && commonJsValue(found);
  // A JavaScript module whose exports the checker cannot follow (extract keeps only the names its text
  // visibly exports): a value, passed through by the facade as it is.
  if (!declaration && /\.[cm]?jsx?$/.test(file)) return { kind: 'value', name, file, line: 1, declaration: source };
  if (!declaration)
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `${file} does not export '${name}': analyse the project again, so the plan's entries match the code.`,
    );
  const home = project.fileOf(declaration);
  // A name the file re-exports from a package is placed where the file exports it, never at a line of the package.
  const line = home !== undefined ? declaration.getStartLineNumber() : exportLine(project.sourceFile(file), name);
  const where = { name, file: home ?? file, line };
  if (Node.isFunctionDeclaration(declaration)) {
    const fn = declaration.getOverloads()[0] ?? declaration;
    return { kind: 'function', ...where, declaration, signature: fn.getSignature(), fn: declaration };
  }
  if (
    Node.isInterfaceDeclaration(declaration) ||
    Node.isTypeAliasDeclaration(declaration) ||
    Node.isEnumDeclaration(declaration)
  ) {
    return { kind: 'type', ...where, declaration };
  }
  if (Node.isClassDeclaration(declaration)) return { kind: 'class', ...where, declaration };
  if (Node.isVariableDeclaration(declaration)) {
    const initializer = declaration.getInitializer();
    const value = initializer && unwrap(initializer);
    if (Node.isArrowFunction(value) || Node.isFunctionExpression(value))
      return { kind: 'function', ...where, declaration, signature: value.getSignature(), fn: value };
    if (Node.isClassExpression(value)) return { kind: 'class', ...where, declaration };
    // `export const getPrice = memoize(fetchPrice)`: a function all the same, known by its type. But an
    // Express `Router()` is an object of the framework that happens to be callable: a value, not an operation.
    const type = declaration.getType();
    const signature = type.getCallSignatures()[0];
    if (signature && packageTypeName(type) === undefined) return { kind: 'function', ...where, declaration, signature };
  }
  return { kind: 'value', ...where, declaration };
}

/**
 * What a CommonJS file exports under a name (`module.exports = { getMember }`, `exports.getMember =
 * ...`): the checker knows the property or assignment, and the declaration it names is the entry.
 */
function commonJsValue(exported: Node): Node {
  const value = Node.isShorthandPropertyAssignment(exported)
    ? exported.getNameNode()
    : Node.isPropertyAssignment(exported)
      ? exported.getInitializer()
      : Node.isBinaryExpression(exported)
        ? exported.getRight()
        : Node.isPropertyAccessExpression(exported) && Node.isBinaryExpression(exported.getParent())
          ? (exported.getParent() as BinaryExpression).getRight()
          : undefined;
  if (!value) return exported;
  if (!Node.isIdentifier(value)) return exported;
  const named = value
    .getDefinitionNodes()
    .find((node) => Node.isVariableDeclaration(node) || Node.isFunctionDeclaration(node));
  return named ?? exported;
}

function exportLine(file: SourceFile, name: string): number {
  const symbol = file.getExportSymbols().find((s) => s.getName() === name);
  return (
    symbol
      ?.getDeclarations()
      .find((d) => d.getSourceFile() === file)
      ?.getStartLineNumber() ?? 1
  );
}

/** The expression under `as`, `satisfies`, `!` and parentheses. */
export function unwrap(expression: Node): Node {
  let node = expression;
  while (
    Node.isAsExpression(node) ||
    Node.isSatisfiesExpression(node) ||
    Node.isParenthesizedExpression(node) ||
    Node.isNonNullExpression(node)
  )
    node = node.getExpression();
  return node;
}
