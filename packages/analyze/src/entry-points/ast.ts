import type { AnyNode, LazyNode } from '../ast/lazy-ast.ts';
import { memberName } from '../ast/node-values.ts';

export { memberName, stringValue } from '../ast/node-values.ts';

/** The member access a call is made on (`x.prop(...)`); undefined when the callee is not a plain member access. */
export const calledMember = (call: LazyNode<'CallExpression'>): LazyNode<'StaticMemberExpression'> | undefined =>
  call.callee.type === 'StaticMemberExpression' ? call.callee : undefined;

/** `prop` of `x.prop(...)`; undefined when the callee is not a plain member access. */
export const calledMethod = (call: LazyNode<'CallExpression'>): string | undefined => calledMember(call)?.property.name;

/** The name of a plain identifier callee or receiver. */
export const identifierName = (node: AnyNode | null | undefined): string | undefined =>
  node?.type === 'IdentifierReference' ? node.name : undefined;

/** A property's key as a name (`a`, `'a'`); undefined for a computed key. */
export const keyName = (property: { computed: boolean; key: AnyNode }): string | undefined =>
  property.computed ? undefined : memberName(property.key);

/** The value of property `name` of an object literal. */
export function propertyValue(object: AnyNode | null | undefined, name: string): AnyNode | undefined {
  if (object?.type !== 'ObjectExpression') return undefined;
  for (const property of object.properties)
    if (property.type === 'ObjectProperty' && keyName(property) === name) return property.value;
  return undefined;
}

/** The call of decorator `@name(...)` (or a bare `@name`) among `decorators`. */
export function decorator(
  decorators: ReadonlyArray<LazyNode<'Decorator'>>,
  names: ReadonlySet<string>,
): { name: string; arguments: AnyNode[]; start: number } | undefined {
  for (const { expression, start } of decorators) {
    const call = expression.type === 'CallExpression' ? expression : undefined;
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
