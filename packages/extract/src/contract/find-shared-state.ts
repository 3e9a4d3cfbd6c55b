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
 * Module state of a service file: every module-level `let` and `var` the file assigns again, and a
 * binding (`const`, or a `var` never reassigned) to an object, array, Map or Set that other files can reach
 * (exported) or that the file's own functions change (`providers.set(...)` in a registry). Constants made
 * read-only (`as const`, `Object.freeze`) are not state, nor is a `var _ = require('lodash')`: an import.
 */
export function findSharedState(sourceFile: SourceFile, file: string): Blocker[] {
  const blockers: Blocker[] = [];
  for (const statement of sourceFile.getVariableStatements()) {
    const constant = statement.getDeclarationKind() === VariableDeclarationKind.Const;
    for (const declaration of statement.getDeclarations()) {
      const shared =
        (!constant && isReassigned(declaration, sourceFile)) ||
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
  return someUse(
    declaration,
    sourceFile,
    (id) => id.getFirstAncestor((a) => FUNCTIONS.has(a.getKind())) !== undefined && isChanged(id),
  );
}

/** Whether an identifier in the file that stands for `declaration` passes `test`. */
function someUse(declaration: VariableDeclaration, sourceFile: SourceFile, test: (id: Identifier) => boolean) {
  const symbol = declaration.getSymbol()?.compilerSymbol;
  const name = declaration.getName();
  return sourceFile
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .some((id) => id.getText() === name && id.getSymbol()?.compilerSymbol === symbol && test(id));
}

// `count = 1`, `count++`, `[a, count] = pair`, `for (count of ...)` anywhere in the file, or a `let`/`var` declared
// without a value (set later); destructured declarations are taken as state.
function isReassigned(declaration: VariableDeclaration, sourceFile: SourceFile): boolean {
  const nameNode = declaration.getNameNode();
  if (!Node.isIdentifier(nameNode) || !declaration.getInitializer()) return true;
  return someUse(declaration, sourceFile, (id) => id.compilerNode !== nameNode.compilerNode && isWritten(id));
}

function isWritten(id: Identifier): boolean {
  let target: Node = id;
  // Up through a destructuring pattern on an assignment's left: `[a, count] = pair`, `({ count } = totals)`.
  for (let parent = target.getParent(); parent; parent = target.getParent()) {
    const inPattern =
      Node.isArrayLiteralExpression(parent) ||
      Node.isObjectLiteralExpression(parent) ||
      Node.isShorthandPropertyAssignment(parent) ||
      Node.isSpreadElement(parent) ||
      Node.isParenthesizedExpression(parent) ||
      (Node.isPropertyAssignment(parent) && parent.getInitializer() === target);
    if (!inPattern) break;
    target = parent;
  }
  const user = target.getParent();
  if (Node.isBinaryExpression(user)) {
    const operator = user.getOperatorToken().getKind();
    return user.getLeft() === target && operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment;
  }
  if (Node.isForOfStatement(user) || Node.isForInStatement(user)) return user.getInitializer() === target;
  if (Node.isPrefixUnaryExpression(user))
    return (
      user.getOperatorToken() === SyntaxKind.PlusPlusToken || user.getOperatorToken() === SyntaxKind.MinusMinusToken
    );
  return Node.isPostfixUnaryExpression(user);
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
