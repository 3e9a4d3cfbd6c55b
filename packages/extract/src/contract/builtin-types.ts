import { Node, type Type, type TypeNode } from 'ts-morph';
import type { TypeRef } from './contract-model.ts';
import { typeRef } from './type-text.ts';
import { report, textOnly, type At, type Describe, type Walk } from './type-walk.ts';

// ts-morph serves TypeScript's lib files from this virtual folder; Node's globals come from @types/node.
const LIBRARY = /\/node_modules\/(typescript\/lib|@types\/node)\//;

/** The name of a class or interface of the standard library or Node (Date, Map, Buffer), if `type` is one. */
export const builtinName = (type: Type): string | undefined => declaredName(type, inLibrary);

/**
 * The name of a class or interface declared in a package (an Express `Request`, an ORM entity):
 * contract.ts cannot import it, and writing out a framework object member by member helps nobody.
 */
export const packageTypeName = (type: Type): string | undefined =>
  declaredName(type, (node) => node.getSourceFile().getFilePath().includes('/node_modules/') && !inLibrary(node));

function declaredName(type: Type, where: (node: Node) => boolean): string | undefined {
  const symbol = type.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  if (!symbol || declarations.length === 0 || !declarations.every(where)) return undefined;
  return declarations.some((d) => Node.isInterfaceDeclaration(d) || Node.isClassDeclaration(d))
    ? symbol.getName()
    : undefined;
}

/**
 * A generic type alias of the library (`Partial<T>`, `Record<K, V>`) with the arguments it was
 * given, from the type or, when the checker resolved it away (`type Prices = Record<...>`), as written.
 */
export function libraryAlias(
  type: Type,
  node: TypeNode | undefined,
): { name: string; args: Array<[Type, TypeNode | undefined]> } | undefined {
  const alias = type.getAliasSymbol();
  const args = type.getAliasTypeArguments();
  if (alias && args.length > 0 && inLibrary(alias.getDeclarations()[0]))
    return { name: alias.getName(), args: args.map((arg) => [arg, undefined]) };
  if (!Node.isTypeReference(node) || node.getTypeArguments().length === 0) return undefined;
  const symbol = node.getTypeName().getSymbol();
  if (!symbol || !Node.isTypeAliasDeclaration(symbol.getDeclarations()[0]) || !inLibrary(symbol.getDeclarations()[0]))
    return undefined;
  return { name: symbol.getName(), args: node.getTypeArguments().map((arg) => [arg.getType(), arg]) };
}

const inLibrary = (node: Node | undefined) => node !== undefined && LIBRARY.test(node.getSourceFile().getFilePath());

const ADVICE: Record<string, string> = {
  Map: 'JSON cannot carry it: use a plain object (Record) or an array of pairs',
  ReadonlyMap: 'JSON cannot carry it: use a plain object (Record) or an array of pairs',
  Set: 'JSON cannot carry it: use an array',
  ReadonlySet: 'JSON cannot carry it: use an array',
  Promise: 'JSON cannot carry it: await it and send the value',
};

/**
 * A Date travels as an ISO string (the schema says so, and the blocker tells the person that
 * callers receive a string); anything else of the library has no JSON form at all.
 */
export function describeBuiltin(name: string, type: Type, at: At, walk: Walk, describe: Describe): TypeRef {
  if (name === 'Date') {
    report(
      walk,
      at,
      'unsupported-type',
      'a Date',
      'it arrives as a string over HTTP: declare it as an ISO string, or turn it back into a Date on arrival',
    );
    return typeRef('Date', { type: 'string', format: 'date-time' });
  }
  if (name === 'Function') {
    report(walk, at, 'callback', 'a function', 'a callback cannot cross a network boundary: pass data, or an event');
    return typeRef('Function', {});
  }
  const args = type.getTypeArguments().map((arg) => describe(arg, undefined, at, textOnly()).text);
  const what = name === 'Promise' ? 'a Promise inside data' : `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
  report(walk, at, 'unsupported-type', what, ADVICE[name] ?? 'JSON cannot carry it: send plain data');
  return typeRef(args.length > 0 ? `${name}<${args.join(', ')}>` : name, {});
}
