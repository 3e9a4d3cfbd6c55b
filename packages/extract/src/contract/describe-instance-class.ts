import { Node, Scope, type ClassDeclaration, type MethodDeclaration, type Signature } from 'ts-morph';
import type { ClassUses, MemberUse } from './class-uses.ts';
import type { Blocker, InstanceClass, Operation, Param } from './contract-model.ts';
import { describeOperation } from './describe-operation.ts';
import { describeMethod } from './describe-provider.ts';
import type { Describer } from './describe-type.ts';
import type { NamedTypes } from './named-types.ts';
import { operationBlockers } from './operation-blockers.ts';

// Kinds that keep data from crossing: a method or constructor with one cannot run in the service for the monolith.
const TYPE_KINDS = new Set(['callback', 'class-instance', 'unsupported-type']);

/** The first parameter of an instance's methods: the handle the service gave it, unguessable. */
const HANDLE_PARAM: Param = {
  name: '$handle',
  optional: false,
  type: { text: 'string', schema: { type: 'string', minLength: 16, maxLength: 128 } },
};

/**
 * A class of the service that the monolith constructs, as a remote instance: `X.new` (its constructor's
 * parameters, answering a handle), `X.method` per async public method, `X.release`. What the monolith
 * does with the class that a proxy cannot keep is a blocker at the monolith's line: a subclass, a static
 * member, a field or accessor read or written, a synchronous method called, an instance handed back to
 * the service's own code, data JSON cannot carry. With any, the class stays local (`instance` undefined).
 */
export function describeInstanceClass(
  cls: ClassDeclaration,
  file: string,
  uses: ClassUses,
  describer: Describer,
  named: NamedTypes,
): { operations: Operation[]; blockers: Blocker[]; instance?: InstanceClass } {
  const name = cls.getName() ?? 'default';
  const line = cls.getStartLineNumber();
  const blockers: Blocker[] = [];
  const block = (where: { file: string; line: number }, message: string, kind: Blocker['kind'] = 'class-instance') =>
    blockers.push({ kind, operation: name, file: where.file, line: where.line, message });
  const here = { file, line };

  if (name === 'default')
    block(here, `A default-exported class has no name for the facade to export a proxy under: name it`);
  if (cls.isAbstract()) block(here, `\`${name}\` is abstract: the monolith only constructs its subclasses`);
  if (cls.getTypeParameters().length > 0)
    block(
      here,
      `\`${name}\` is generic: a remote instance would fix its type parameters, and the proxy cannot restate them: make the class concrete`,
    );
  for (const use of uses.subclassed)
    block(
      use,
      `\`${use.name}\` extends \`${name}\`: a subclass runs the class's constructor and fields in the monolith, so its instances cannot live in the service`,
    );
  for (const use of uses.statics)
    block(
      use,
      `\`${name}.${use.member}\` is a static member used outside the service: statics belong to the one class in one process: call an async function of the service instead`,
    );
  for (const use of uses.passedBack)
    block(
      use,
      `an instance of \`${name}\` is handed back to \`${use.callee}\` of the service, which expects the real instance (its fields, its identity): remote, it would get a proxy: pass plain data instead`,
    );

  const methods = new Map(publicMethods(cls).map((m) => [m.getName(), m]));
  const seen = new Set<string>();
  const usedMethods = new Set<string>();
  for (const use of uses.members) {
    if (seen.has(`${use.member}\0${use.how}`)) continue;
    seen.add(`${use.member}\0${use.how}`);
    const method = methods.get(use.member);
    if (method && use.how === 'call') {
      usedMethods.add(use.member);
      if (!isAsync(method)) block(use, syncCall(name, method, use), 'sync');
      continue;
    }
    block(use, memberMessage(cls, name, use, method !== undefined));
  }

  const operations: Operation[] = [];
  const localOnly: string[] = [];
  const constructor = describeOperation(
    { kind: 'function', name: `${name}.new`, file, line, declaration: cls, signature: constructSignature(cls) },
    describer,
    { paramsOnly: true },
  );
  const created: Operation = {
    ...constructor.operation,
    owner: name,
    instance: 'new',
    async: true,
    returns: HANDLE_PARAM.type,
  };
  // Only a constructor the monolith calls crosses: instances it only receives are built in the service.
  const constructed = uses.constructed.length > 0;
  if (constructed)
    for (const [b, more] of firstPerLine(operationBlockers(created, constructor.walk, named, undefined))) {
      const rest = more > 0 ? ` (and ${more} more in the same declaration)` : '';
      block(b, `The constructor of \`${name}\`, which the monolith calls: ${b.message}${rest}`, b.kind);
    }

  const notes: Blocker[] = [];
  for (const [member, method] of methods) {
    const { operation, walk } = describeMethod(name, member, method, file, describer);
    const found = operationBlockers({ ...operation, owner: name }, walk, named, method).filter(
      (b) => b.kind !== 'sync',
    );
    const crossing = found.filter((b) => TYPE_KINDS.has(b.kind));
    if (!operation.async || crossing.length > 0) {
      // Called by the monolith, it blocks the class; called only by the class's own code, it runs where the instance lives.
      if (usedMethods.has(member)) blockers.push(...crossing);
      localOnly.push(member);
      continue;
    }
    notes.push(...found);
    operations.push({ ...operation, owner: name, instance: 'method', params: [HANDLE_PARAM, ...operation.params] });
  }
  if (blockers.length > 0) return { operations: [], blockers };
  const release: Operation = {
    name: `${name}.release`,
    owner: name,
    instance: 'release',
    file,
    line,
    async: true,
    params: [HANDLE_PARAM],
    returns: { text: 'void', schema: {} },
  };
  return {
    operations: [...(constructed ? [created] : []), ...operations, release],
    blockers: notes,
    instance: { name, file, line, constructed, localOnly },
  };
}

// One options type can hold many fields JSON cannot carry (a logger's ten methods): one line says it, with a count.
function firstPerLine(blockers: readonly Blocker[]): Array<[Blocker, number]> {
  const byLine = new Map<string, [Blocker, number]>();
  for (const b of blockers) {
    const key = `${b.file}:${b.line}`;
    const seen = byLine.get(key);
    if (seen) seen[1] += 1;
    else byLine.set(key, [b, 0]);
  }
  return [...byLine.values()];
}

const publicMethods = (cls: ClassDeclaration): MethodDeclaration[] =>
  cls
    .getMethods()
    .filter((m) => !m.isStatic() && m.getScope() === Scope.Public && !m.getName().startsWith('#'))
    // An overloaded method is one member.
    .filter((m, i, all) => all.findIndex((other) => other.getName() === m.getName()) === i);

const isAsync = (method: MethodDeclaration) =>
  (method.getOverloads()[0] ?? method).getReturnType().getSymbol()?.getName() === 'Promise';

function syncCall(owner: string, method: MethodDeclaration, use: MemberUse): string {
  const returned = method.getReturnType();
  const what =
    returned.isVoid() || !use.resultUsed
      ? 'runs synchronously: the caller relies on its effect being done when it returns'
      : `returns \`${returned.getText(method)}\` synchronously and the caller uses it without await`;
  return `\`${owner}.${method.getName()}\` ${what}; a remote instance only answers asynchronously: make it async, or keep the class local`;
}

function memberMessage(cls: ClassDeclaration, owner: string, use: MemberUse, isMethod: boolean): string {
  const subject = `\`${owner}.${use.member}\``;
  if (isMethod) return `${subject} is taken as a value, not called: a remote instance's method cannot be passed around`;
  const member = cls.getInstanceMember(use.member);
  const verb = use.how === 'write' ? 'written' : 'read';
  if (Node.isGetAccessorDeclaration(member) || Node.isSetAccessorDeclaration(member))
    return `${subject} is an accessor ${verb} outside the service: it runs synchronously on the instance: make it an async method`;
  if (member === undefined)
    return `${subject} is ${verb} outside the service and is not declared by \`${owner}\` itself (a base class's member): a remote instance only has its own async methods`;
  return `${subject} is a public field ${verb} outside the service: a remote instance's fields live in the service: make it an async method`;
}

// `new X(...)`'s signature: its own constructor, else the one it inherits, else none.
function constructSignature(cls: ClassDeclaration): Signature {
  const own = cls.getConstructors()[0];
  if (own) return (own.getOverloads()[0] ?? own).getSignature();
  const signatures = cls.getSymbolOrThrow().getTypeAtLocation(cls).getConstructSignatures();
  return signatures[0]!;
}
