import {
  Node,
  SyntaxKind,
  VariableDeclarationKind,
  type Identifier,
  type SourceFile,
  type VariableDeclaration,
} from 'ts-morph';
import { unwrap } from './classify-entry.ts';
import type { Blocker } from './contract-model.ts';

export const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);
const MUTATORS = new Set([
  'set',
  'delete',
  'clear',
  'add',
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
]);
const FUNCTIONS = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
]);

/**
 * Module state of a service file: every module-level `let` and `var`, and a `const` object, array,
 * Map or Set that other files can reach (exported) or that the file's own functions change
 * (`providers.set(...)` in a registry). Constants made read-only (`as const`, `Object.freeze`) are not state.
 */
export function findSharedState(sourceFile: SourceFile, file: string): Blocker[] {
  const blockers: Blocker[] = [];
  for (const statement of sourceFile.getVariableStatements()) {
    const constant = statement.getDeclarationKind() === VariableDeclarationKind.Const;
    for (const declaration of statement.getDeclarations()) {
      const shared =
        !constant ||
        (isMutableValue(declaration) && (statement.isExported() || isChangedInFunctions(declaration, sourceFile)));
      if (!shared) continue;
      const name = declaration.getName();
      blockers.push({
        kind: 'shared-state',
        file,
        line: declaration.getStartLineNumber(),
        message: `module state \`${name}\` lives in one process: after extraction the monolith and the service each have their own copy`,
      });
    }
  }
  return blockers;
}

function isMutableValue(declaration: VariableDeclaration): boolean {
  const initializer = declaration.getInitializer();
  if (!initializer) return false;
  for (
    let node: Node = initializer;
    Node.isAsExpression(node) || Node.isSatisfiesExpression(node);
    node = node.getExpression()
  ) {
    if (Node.isAsExpression(node) && node.getTypeNode()?.getText() === 'const') return false;
  }
  const value = unwrap(initializer);
  if (Node.isObjectLiteralExpression(value) || Node.isArrayLiteralExpression(value)) return true;
  return Node.isNewExpression(value) && COLLECTIONS.has(value.getExpression().getText());
}

function isChangedInFunctions(declaration: VariableDeclaration, sourceFile: SourceFile): boolean {
  const symbol = declaration.getSymbol()?.compilerSymbol;
  const name = declaration.getName();
  return sourceFile
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .some(
      (id) =>
        id.getText() === name &&
        id.getSymbol()?.compilerSymbol === symbol &&
        id.getFirstAncestor((a) => FUNCTIONS.has(a.getKind())) !== undefined &&
        isChanged(id),
    );
}

// `state.set(k, v)`, `state.count = 1`, `state[k] = v`, `delete state[k]`, `state.count++`.
function isChanged(id: Identifier): boolean {
  const access = id.getParent();
  if (
    !(Node.isPropertyAccessExpression(access) || Node.isElementAccessExpression(access)) ||
    access.getExpression() !== id
  )
    return false;
  const user = access.getParent();
  if (Node.isCallExpression(user) && user.getExpression() === access)
    return Node.isPropertyAccessExpression(access) && MUTATORS.has(access.getName());
  if (Node.isBinaryExpression(user)) {
    const operator = user.getOperatorToken().getKind();
    return user.getLeft() === access && operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment;
  }
  if (Node.isPrefixUnaryExpression(user))
    return (
      user.getOperatorToken() === SyntaxKind.PlusPlusToken || user.getOperatorToken() === SyntaxKind.MinusMinusToken
    );
  return Node.isDeleteExpression(user) || Node.isPostfixUnaryExpression(user);
}
