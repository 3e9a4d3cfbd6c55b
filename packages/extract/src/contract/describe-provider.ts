import { Node, Scope, type ClassDeclaration, type MethodDeclaration } from 'ts-morph';
import { unwrap } from './classify-entry.ts';
import type { Blocker, Operation } from './contract-model.ts';
import { describeOperation } from './describe-operation.ts';
import type { Describer } from './describe-type.ts';
import { COLLECTIONS } from './find-shared-state.ts';
import type { NamedTypes } from './named-types.ts';
import { operationBlockers } from './operation-blockers.ts';

/**
 * An injected class as operations: each public instance method is `Class.method`, what the
 * consumers call on the instance they receive. Static and private members are the class's own.
 */
export function describeProvider(
  cls: ClassDeclaration,
  file: string,
  describer: Describer,
  named: NamedTypes,
): { operations: Operation[]; blockers: Blocker[] } {
  const owner = cls.getName() ?? 'default';
  const operations: Operation[] = [];
  const blockers: Blocker[] = [];
  for (const method of cls.getMethods()) {
    if (method.isStatic() || method.getScope() !== Scope.Public || method.getName().startsWith('#')) continue;
    const { operation, walk } = describeMethod(owner, method.getName(), method, file, describer);
    const described = { ...operation, owner };
    operations.push(described);
    blockers.push(...operationBlockers(described, walk, named, method));
  }
  return { operations, blockers: [...blockers, ...instanceState(cls, owner, file)] };
}

/**
 * Fields the one instance keeps between calls (a cache, a buffer, a counter): once the methods run in
 * the service too, each side has its own. Injected dependencies (constructor parameters) are not state.
 */
function instanceState(cls: ClassDeclaration, owner: string, file: string): Blocker[] {
  return cls
    .getProperties()
    .filter((property) => {
      if (property.isStatic()) return false;
      const initializer = property.getInitializer();
      const value = initializer && unwrap(initializer);
      const collection = Node.isNewExpression(value) && COLLECTIONS.has(value.getExpression().getText());
      return (
        !property.isReadonly() ||
        Node.isObjectLiteralExpression(value) ||
        Node.isArrayLiteralExpression(value) ||
        collection
      );
    })
    .map((property) => ({
      kind: 'shared-state',
      file,
      line: property.getStartLineNumber(),
      message: `instance state \`${owner}.${property.getName()}\` lives in the one injected instance: after extraction the monolith and the service each have their own copy`,
    }));
}

/** One method of a class as the operation `Owner.member` (its first overload's signature, if it has overloads). */
export function describeMethod(
  owner: string,
  member: string,
  method: MethodDeclaration,
  file: string,
  describer: Describer,
): ReturnType<typeof describeOperation> {
  const fn = method.getOverloads()[0] ?? method;
  const entry = {
    kind: 'function' as const,
    name: `${owner}.${member}`,
    file,
    line: method.getStartLineNumber(),
    declaration: method,
    signature: fn.getSignature(),
    fn: method,
  };
  return describeOperation(entry, describer);
}
