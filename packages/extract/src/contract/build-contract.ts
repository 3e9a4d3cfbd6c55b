import { Node } from 'ts-morph';
import { classifyEntry } from './classify-entry.ts';
import type { Blocker, ContractInput, ContractModel } from './contract-model.ts';
import { createDescriber } from './describe-type.ts';
import { describeOperation } from './describe-operation.ts';
import { findSharedState } from './find-shared-state.ts';
import { loadProject } from './load-project.ts';
import { createNamedTypes } from './named-types.ts';
import { operationBlockers } from './operation-blockers.ts';

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

  for (const text of input.operations) {
    const entry = classifyEntry(project, text);
    const line = entry.declaration.getStartLineNumber();
    if (entry.kind === 'function') {
      const { operation, walk } = describeOperation(entry, describer);
      model.operations.push(operation);
      model.blockers.push(...operationBlockers(operation, walk, named, entry.fn));
      continue;
    }
    model.others.push({ entry: text, kind: entry.kind, file: entry.file, line });
    if (entry.kind === 'type') {
      // A generic type has no single form to declare; its uses are written out where they occur.
      const generic = !Node.isEnumDeclaration(entry.declaration) && entry.declaration.getTypeParameters().length > 0;
      if (!generic) describer.declare(entry.declaration, { issues: [], refs: new Set() });
    }
    if (entry.kind === 'class') {
      model.blockers.push({
        kind: 'class-instance',
        file: entry.file,
        line,
        message: `Class \`${entry.name}\` is used outside the service, and its instances cannot cross a network boundary (methods and identity are lost): expose functions that take and return plain data instead`,
      });
    }
  }
  // Module state of the service's files and of the entries' files (an entry may be a mutable value).
  const files = [...new Set([...input.serviceFiles, ...model.others.map((o) => o.file)])];
  for (const file of files) model.blockers.push(...findSharedState(project.sourceFile(file), file));

  model.types = named.list().map(({ name, text, schema, file }) => ({ name, text, schema, file }));
  model.blockers = unique(model.blockers);
  return model;
}

function unique(blockers: Blocker[]): Blocker[] {
  const seen = new Set<string>();
  return blockers.filter((b) => {
    const key = `${b.kind}\0${b.operation ?? ''}\0${b.file}\0${b.line}\0${b.message}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}
