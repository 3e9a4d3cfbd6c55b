import { Node, SyntaxKind, ts, type JSDoc, type TypeNode } from 'ts-morph';
import { builtinName } from './builtin-types.ts';
import type { Entry } from './classify-entry.ts';
import type { Operation, Param } from './contract-model.ts';
import type { Describer } from './describe-type.ts';
import { typeRef } from './type-text.ts';
import { report, type At, type Walk } from './type-walk.ts';

type FunctionEntry = Extract<Entry, { kind: 'function' }>;

/** An operation's contract, with what its parameters and result hold that JSON cannot carry. */
export function describeOperation(
  entry: FunctionEntry,
  describer: Describer,
  // A constructor's result is the instance itself, not data: only its parameters are the contract's.
  { paramsOnly = false }: { paramsOnly?: boolean } = {},
): { operation: Operation; walk: Walk } {
  const walk: Walk = { issues: [], refs: new Set() };
  const line = entry.line;
  const params = entry.signature.getParameters().map((symbol, i): Param => {
    const declaration = symbol.getValueDeclaration();
    const written = Node.isParameterDeclaration(declaration) ? declaration : undefined;
    const name = written && !Node.isIdentifier(written.getNameNode()) ? `param${i + 1}` : symbol.getName();
    // A signature typed elsewhere (`export const find = lookupWith(...)`) has its parameters where that type
    // is declared: that file when it is the project's, else the entry, never a line of a package's file.
    const home = declaration && describer.context.fileOf(declaration);
    const at: At = {
      file: home ?? entry.file,
      line: home !== undefined && declaration ? declaration.getStartLineNumber() : line,
      origin: 'parameter',
      path: name,
    };
    if (written?.isRestParameter())
      report(
        walk,
        at,
        'unsupported-type',
        'a rest parameter',
        'take an array instead, so that a call is one request body',
      );
    const resolved = symbol.getTypeAtLocation(declaration ?? entry.declaration);
    const typeNode = written?.getTypeNode();
    // `req: Request` from a package without types is `any` to the checker: nothing says it survives JSON.
    if (resolved.isAny() && typeNode && !Node.isAnyKeyword(typeNode)) {
      const missing = missingPackage(typeNode);
      report(
        walk,
        at,
        'unsupported-type',
        `\`${typeNode.getText()}\`, a type TypeScript cannot see (${missing ? `its package ${missing} is not installed` : 'its package has no types'})`,
        missing
          ? "install the project's dependencies, then run extract again"
          : 'install its types, or take plain data the contract can describe',
      );
    }
    const type = describer.describe(resolved, typeNode, at, walk);
    return { name, optional: written?.isOptional() ?? false, type };
  });

  const returnType = entry.signature.getReturnType();
  const returnNode = entry.fn?.getReturnTypeNode();
  const async = builtinName(returnType) === 'Promise';
  const [value, valueNode] = async
    ? [returnType.getTypeArguments()[0], promisedNode(returnNode)]
    : [returnType, returnNode];
  const at: At = { file: entry.file, line: returnNode?.getStartLineNumber() ?? line, origin: 'result', path: '' };
  const described =
    paramsOnly || !value || value.isVoid() || value.isUndefined()
      ? typeRef('void', {})
      : describer.describe(value, valueNode, at, walk);
  // `Promise<User | undefined>`: the absent result is the caller's to handle, so the contract says so too.
  const absent = value?.isUnion() && value.getUnionTypes().some((t) => t.isUndefined());
  const returns =
    absent && !/\bundefined\b/.test(described.text)
      ? { ...described, text: `${described.text} | undefined` }
      : described;

  const doc = firstParagraph(jsDocsOf(entry));
  return {
    operation: { name: entry.name, file: entry.file, line, async, params, returns, ...(doc ? { doc } : {}) },
    walk,
  };
}

const promisedNode = (node: TypeNode | undefined) =>
  Node.isTypeReference(node) ? node.getTypeArguments()[0] : undefined;

function jsDocsOf(entry: FunctionEntry): JSDoc[] {
  const { declaration } = entry;
  if (Node.isVariableDeclaration(declaration)) return declaration.getVariableStatement()?.getJsDocs() ?? [];
  return Node.isJSDocable(declaration) ? declaration.getJsDocs() : [];
}

function firstParagraph(docs: JSDoc[]): string | undefined {
  const description = docs.at(-1)?.getDescription().trim() ?? '';
  const paragraph = description
    .split(/\n\s*\n/)[0]
    ?.replace(/\s+/g, ' ')
    .trim();
  return paragraph || undefined;
}

/**
 * The package a type is imported from when it is not installed at all (a checkout without its node_modules), as
 * opposed to one installed without types or declared `declare module 'x';`: undefined for those.
 */
function missingPackage(typeNode: TypeNode): string | undefined {
  let name: Node | undefined = Node.isTypeReference(typeNode) ? typeNode.getTypeName() : undefined;
  while (name && Node.isQualifiedName(name)) name = name.getLeft();
  const imported = name?.getSymbol()?.getDeclarations()[0]?.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
  const specifier = imported?.getModuleSpecifierValue();
  if (!imported || !specifier || specifier.startsWith('.')) return undefined;
  const project = imported.getProject();
  if (
    project
      .getTypeChecker()
      .getAmbientModules()
      .some((m) => m.getName() === `"${specifier}"`)
  )
    return undefined;
  const from = imported.getSourceFile().getFilePath();
  const found = ts.resolveModuleName(specifier, from, project.getCompilerOptions(), ts.sys).resolvedModule;
  return found ? undefined : specifier;
}
