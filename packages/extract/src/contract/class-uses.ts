import { Node, SyntaxKind, type ClassDeclaration, type SourceFile, type Type } from 'ts-morph';

/** One place outside the service that uses the class, at a line of the monolith's own file. */
interface ClassUse {
  file: string;
  line: number;
}

/** A member of an instance that code outside the service touches. */
export interface MemberUse extends ClassUse {
  member: string;
  /** `call`: `x.m(...)`; `read`: `x.m` as a value; `write`: `x.m = ...`. */
  how: 'call' | 'read' | 'write';
  /** For a call: whether its value is used (not a statement of its own). */
  resultUsed: boolean;
}

/** What the monolith's code does with a class of the service: what a remote instance must keep working. */
export interface ClassUses {
  /** `new X(...)`. */
  constructed: ClassUse[];
  members: MemberUse[];
  /** `X.member`: a static member. */
  statics: Array<ClassUse & { member: string }>;
  /** `class A extends X`. */
  subclassed: Array<ClassUse & { name: string }>;
  /** An instance handed to a function of the service's own files. */
  passedBack: Array<ClassUse & { callee: string }>;
}

/**
 * Every use of `cls` in the callers' files, found with the checker: constructions, members of its
 * instances (by the type of the expression they are read on), static members, subclasses and instances
 * handed back to the service's own functions (`inService` says which files those are).
 */
export function classUses(
  cls: ClassDeclaration,
  callers: readonly SourceFile[],
  fileOf: (node: Node) => string | undefined,
  inService: (file: string) => boolean,
): ClassUses {
  const uses: ClassUses = { constructed: [], members: [], statics: [], subclassed: [], passedBack: [] };
  const isClass = (node: Node) => declarationsOf(node).includes(cls);
  const isInstance = (type: Type) =>
    [type.getNonNullableType(), ...type.getNonNullableType().getIntersectionTypes()].some(
      (t) => t.getSymbol()?.getDeclarations().includes(cls) ?? false,
    );
  for (const source of callers) {
    const file = fileOf(source);
    if (file === undefined) continue;
    const at = (node: Node) => ({ file, line: node.getStartLineNumber() });
    for (const created of source.getDescendantsOfKind(SyntaxKind.NewExpression))
      if (isClass(created.getExpression())) uses.constructed.push(at(created));
    for (const clause of source.getDescendantsOfKind(SyntaxKind.HeritageClause)) {
      if (clause.getToken() !== SyntaxKind.ExtendsKeyword) continue;
      const owner = clause.getParent();
      if (!Node.isClassDeclaration(owner) && !Node.isClassExpression(owner)) continue;
      if (clause.getTypeNodes().some((base) => isClass(base.getExpression())))
        uses.subclassed.push({ ...at(clause), name: owner.getName() ?? 'an anonymous class' });
    }
    for (const access of source.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
      const target = access.getExpression();
      const member = access.getName();
      if (isClass(target)) {
        if (member !== 'prototype' || !Node.isPropertyAccessExpression(access.getParent()))
          uses.statics.push({ ...at(access), member });
        continue;
      }
      if (!isInstance(target.getType())) continue;
      uses.members.push({ ...at(access), member, ...how(access) });
    }
    for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      const home = declarationsOf(callee)
        .map((d) => fileOf(d))
        .find((f) => f !== undefined);
      if (home === undefined || !inService(home)) continue;
      if (call.getArguments().some((argument) => isInstance(argument.getType())))
        uses.passedBack.push({ ...at(call), callee: callee.getText() });
    }
  }
  return uses;
}

function how(access: Node): Pick<MemberUse, 'how' | 'resultUsed'> {
  const parent = access.getParent();
  if (Node.isCallExpression(parent) && parent.getExpression() === access) {
    // `await x.m()` as a statement uses nothing but the effect, as `x.m()` does.
    const outer = Node.isAwaitExpression(parent.getParent()) ? parent.getParent()! : parent;
    return { how: 'call', resultUsed: !Node.isExpressionStatement(outer.getParent()) };
  }
  if (
    Node.isBinaryExpression(parent) &&
    parent.getLeft() === access &&
    isAssignment(parent.getOperatorToken().getKind())
  )
    return { how: 'write', resultUsed: false };
  return { how: 'read', resultUsed: true };
}

const isAssignment = (kind: SyntaxKind) => kind >= SyntaxKind.FirstAssignment && kind <= SyntaxKind.LastAssignment;

// What an expression names, through imports and re-exports.
function declarationsOf(node: Node): Node[] {
  const symbol = node.getSymbol();
  if (!symbol) return [];
  const target = symbol.isAlias() ? symbol.getAliasedSymbol() : symbol;
  return (target ?? symbol).getDeclarations();
}
