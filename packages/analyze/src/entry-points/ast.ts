import type { EntryNode } from './types.ts';

/** The text of a string literal or a template literal without `${}`; undefined for anything else. */
export function stringValue(node: EntryNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return node.value as string;
  if (node.type === 'TemplateLiteral' && node.quasis!.length === 1) return node.quasis![0]!.value.cooked ?? undefined;
  return undefined;
}

/** `prop` of `x.prop(...)`; undefined when the callee is not a plain member access. */
export const calledMethod = (call: EntryNode): string | undefined =>
  call.callee?.type === 'StaticMemberExpression' ? call.callee.property!.name : undefined;

/** The name of a plain identifier callee or receiver. */
export const identifierName = (node: EntryNode | undefined): string | undefined =>
  node?.type === 'IdentifierReference' ? node.name : undefined;

/** A property's key as a name (`a`, `'a'`); undefined for a computed key. */
export const keyName = (property: EntryNode): string | undefined =>
  property.computed || !property.key
    ? undefined
    : property.key.type === 'StringLiteral'
      ? (property.key.value as string)
      : property.key.name;

/** The value of property `name` of an object literal. */
export function propertyValue(object: EntryNode | undefined, name: string): EntryNode | undefined {
  if (object?.type !== 'ObjectExpression') return undefined;
  const property = object.properties!.find((p) => p.type === 'ObjectProperty' && keyName(p) === name);
  return property?.value as EntryNode | undefined;
}

/** The call of decorator `@name(...)` (or a bare `@name`) among `decorators`. */
export function decorator(
  decorators: readonly EntryNode[] | undefined,
  names: ReadonlySet<string>,
): { name: string; arguments: EntryNode[]; start: number } | undefined {
  for (const { expression, start } of decorators ?? []) {
    const call = expression!.type === 'CallExpression' ? expression! : undefined;
    const name = identifierName(call ? call.callee : expression);
    if (name !== undefined && names.has(name)) return { name, arguments: call?.arguments ?? [], start };
  }
  return undefined;
}

/** Path segments joined with single slashes, always rooted: `('/v1', 'users/', ':id')` -> `/v1/users/:id`. */
export function joinPath(...parts: string[]): string {
  const segments = parts.flatMap((part) => part.split('/')).filter((segment) => segment !== '');
  return `/${segments.join('/')}`;
}

/** A method name of a class member (`find`, `'find'`, `#find`). */
export const memberName = (key: EntryNode | undefined): string | undefined =>
  key?.type === 'PrivateIdentifier'
    ? `#${key.name}`
    : key?.type === 'StringLiteral'
      ? (key.value as string)
      : key?.name;
