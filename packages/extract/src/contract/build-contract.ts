import { Node, type ClassDeclaration, type SourceFile, type Type } from 'ts-morph';
import { classifyEntry } from './classify-entry.ts';
import type { Blocker, ContractInput, ContractModel } from './contract-model.ts';
import { createDescriber, type Describer } from './describe-type.ts';
import { classUses } from './class-uses.ts';
import { describeInstanceClass } from './describe-instance-class.ts';
import { createCallFollower } from './called-functions.ts';
import { describeOperation } from './describe-operation.ts';
import { describeProvider } from './describe-provider.ts';
import { findSharedState } from './find-shared-state.ts';
import { isInjected, isModule, moduleExports } from './find-providers.ts';
import { loadProject, type LoadedProject } from './load-project.ts';
import { describeWiring, nestModules } from './provider-wiring.ts';
import { createNamedTypes, isDataClass, type NamedTypes } from './named-types.ts';
import { operationBlockers } from './operation-blockers.ts';
import { isStackOverflow } from './walk-budget.ts';

export type { ContractInput, ContractModel, JsonSchema, Operation } from './contract-model.ts';

/**
 * The contract of one service, read from its TypeScript with the checker: each entry other services
 * use, as an operation with JSON-ready parameter and result types or as a type, class or value;
 * the named types they carry; and what stands in the way of a remote call, each with file and line.
 * Loads ts-morph: callers import this module lazily.
 */
export function buildContract(input: ContractInput): ContractModel {
  const project = loadProject(input);
  const model: ContractModel = { operations: [], types: [], others: [], blockers: [] };
  const anchorFile = input.serviceFiles[0] ?? input.operations[0]?.split('#')[0];
  if (anchorFile === undefined) return model;
  const named = createNamedTypes((node) => project.fileOf(node) !== undefined);
  const describer = createDescriber(named, project.fileOf, project.sourceFile(anchorFile));

  // Only what the checker reads: a caller may be a Vue or Svelte file.
  const callers = (input.callerFiles ?? []).filter((file) => /\.[cm]?[jt]sx?$/.test(file)).map(project.sourceFile);
  // Injected classes, in the order met: their methods follow the functions among the operations.
  const providers = new Set<ClassDeclaration>();
  const modules: ClassDeclaration[] = [];
  // Classes that may be constructed or received outside, and what each function resolves to.
  const constructed: Array<{ name: string; file: string; line: number; declaration: Node }> = [];
  const results = new Map<string, Type | undefined>();
  // Each function's and injected method's declaration, whose calls are followed for the writes they make.
  const bodies = new Map<string, Node>();

  for (const text of input.operations) {
    const entry = classifyEntry(project, text);
    const line = entry.line;
    if (entry.kind === 'function') {
      const described = guarded(entry.name, entry.file, line, model, () => describeOperation(entry, describer));
      if (!described) continue;
      model.operations.push(described.operation);
      bodies.set(described.operation.name, entry.fn ?? entry.declaration);
      model.blockers.push(...operationBlockers(described.operation, described.walk, named, entry.fn));
      results.set(described.operation.name, promised(entry.signature.getReturnType()));
      continue;
    }
    model.others.push({ entry: text, kind: entry.kind, file: entry.file, line });
    if (entry.kind === 'type') {
      // A generic type has no single form to declare; its uses are written out where they occur.
      const generic = !Node.isEnumDeclaration(entry.declaration) && entry.declaration.getTypeParameters().length > 0;
      if (!generic) describer.declare(entry.declaration, { issues: [], refs: new Set() });
    }
    if (entry.kind === 'class') {
      if (Node.isClassDeclaration(entry.declaration) && isModule(entry.declaration)) modules.push(entry.declaration);
      const found = crossingClasses(entry.declaration, callers);
      for (const provider of found ?? []) providers.add(provider);
      if (!found) constructed.push(entry);
    }
  }
  // After the functions: one that returns an instance hands it to the monolith as `new` would.
  for (const entry of constructed) instanceClass(entry, { input, callers, project, model, results, describer, named });
  for (const provider of providers) {
    const file = project.fileOf(provider);
    if (file === undefined || !input.serviceFiles.includes(file)) continue;
    const name = provider.getName() ?? 'default';
    const line = provider.getStartLineNumber();
    const described = guarded(name, file, line, model, () => describeProvider(provider, file, describer, named));
    if (!described) continue;
    model.operations.push(...described.operations);
    for (const o of described.operations) bodies.set(o.name, provider.getMethodOrThrow(o.name.slice(name.length + 1)));
    model.blockers.push(...described.blockers);
    // The facade is a subclass: of an exported, concrete, non-generic class (else its methods stay local, said in the
    // report).
    if (provider.isExported() && !provider.isAbstract() && provider.getTypeParameters().length === 0)
      (model.providers ??= []).push(describeWiring(provider, file, project.fileOf));
  }
  const wired = nestModules(
    modules,
    (model.providers ?? []).map((p) => p.name),
    project.fileOf,
  );
  if (wired.length > 0) model.modules = wired;
  // Module state of the service's files and of the entries' files (an entry may be a mutable value).
  const files = [...new Set([...input.serviceFiles, ...model.others.map((o) => o.file)])];
  for (const file of files) model.blockers.push(...findSharedState(project.sourceFile(file), file));

  const follow = createCallFollower(project.fileOf);
  const callees = [...bodies].map(([name, body]) => [name, follow(body)] as const);
  if (callees.some(([, found]) => found.length > 0)) model.callees = Object.fromEntries(callees);
  model.types = named.list().map(({ name, text, schema, file }) => ({ name, text, schema, file }));
  model.blockers = unique(model.blockers);
  return model;
}

/**
 * A class the monolith's code constructs, or receives from an async function of the service: a remote
 * instance when nothing it does with the class needs the real one, else the exact reasons at the
 * monolith's lines. A class it only receives otherwise stays local.
 */
function instanceClass(
  entry: { name: string; file: string; line: number; declaration: Node },
  context: {
    input: ContractInput;
    callers: readonly SourceFile[];
    project: LoadedProject;
    model: ContractModel;
    results: ReadonlyMap<string, Type | undefined>;
    describer: Describer;
    named: NamedTypes;
  },
): void {
  const { input, callers, project, model, results } = context;
  const { declaration: cls, name, file, line } = entry;
  const inService = (path: string) => input.serviceFiles.includes(path);
  const uses =
    Node.isClassDeclaration(cls) && inService(file) ? classUses(cls, callers, project.fileOf, inService) : undefined;
  // The service's async functions that resolve to exactly this class.
  const factories = model.operations.filter(
    (o) => o.owner === undefined && o.async && results.get(o.name)?.getSymbol()?.getDeclarations().includes(cls),
  );
  if (!uses || (uses.constructed.length === 0 && factories.length === 0)) {
    const received = uses?.members[0];
    model.blockers.push({
      kind: 'class-instance',
      operation: name,
      file: received?.file ?? file,
      line: received?.line ?? line,
      message: `Class \`${name}\` is used outside the service but never constructed there (\`new ${name}\`): its instances come from the service's code, and their methods and identity cannot cross a network boundary: expose functions that take and return plain data instead`,
    });
    return;
  }
  const described = guarded(name, file, line, model, () =>
    describeInstanceClass(cls as ClassDeclaration, file, uses, context.describer, context.named),
  );
  if (!described) return;
  model.operations.push(...described.operations);
  model.blockers.push(...described.blockers);
  if (!described.instance) return;
  (model.instanceClasses ??= []).push(described.instance);
  // A factory's result is now a handle the facade turns into a proxy: not a class instance lost in JSON.
  for (const factory of factories) {
    factory.returnsInstance = name;
    factory.returns = { text: 'string', schema: { type: 'string' } };
    model.blockers = model.blockers.filter(
      (b) =>
        !(
          b.operation === factory.name &&
          b.message.startsWith(`The result of \`${factory.name}\` is an instance of class`)
        ),
    );
  }
}

const promised = (type: Type): Type | undefined =>
  type.getSymbol()?.getName() === 'Promise' ? type.getTypeArguments()[0] : type;

/**
 * Describes one entry; a stack overflow in TypeScript's checker outside any single type (resolving a
 * signature) leaves that entry out, with a blocker where it is declared, and the rest of the contract whole.
 */
function guarded<T>(name: string, file: string, line: number, model: ContractModel, describe: () => T): T | undefined {
  try {
    return describe();
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    model.blockers.push({
      kind: 'unsupported-type',
      operation: name,
      file,
      line,
      message: `\`${name}\` has a type TypeScript's checker cannot expand (it overflowed the stack): declare its parameters and result as plain interfaces of the project`,
    });
    return undefined;
  }
}

/**
 * The injected classes behind a class entry: the class itself when consumers receive it from a
 * container, the providers a NestJS module exports, none for a class of fields (its instances cross as
 * data); undefined for a class whose instances would lose their methods.
 */
function crossingClasses(declaration: Node, callers: readonly SourceFile[]): ClassDeclaration[] | undefined {
  if (!Node.isClassDeclaration(declaration)) return undefined;
  if (isModule(declaration)) return moduleExports(declaration);
  if (isDataClass(declaration) || isErrorClass(declaration)) return [];
  return isInjected(declaration, callers) ? [declaration] : undefined;
}

// An error class crosses as what the service throws: the facade of the service that throws it rebuilds it.
function isErrorClass(cls: ClassDeclaration): boolean {
  const seen = new Set<string>();
  const bases = [...cls.getType().getBaseTypes()];
  while (bases.length > 0 && seen.size < 20) {
    const base = bases.shift()!;
    const name = base.getSymbol()?.getName() ?? '';
    if (name === 'Error') return true;
    if (seen.has(name)) continue;
    seen.add(name);
    bases.push(...base.getBaseTypes());
  }
  return false;
}

function unique(blockers: Blocker[]): Blocker[] {
  const seen = new Set<string>();
  return blockers.filter((b) => {
    const key = `${b.kind}\0${b.operation ?? ''}\0${b.file}\0${b.line}\0${b.message}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}
