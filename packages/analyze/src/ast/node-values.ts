import type { AnyNode } from './lazy-ast.ts';

/** The text of a string literal or of a template literal without `${}`; undefined for anything else. */
export function stringValue(node: AnyNode | null | undefined): string | undefined {
  if (node?.type === 'StringLiteral') return node.value;
  if (node?.type === 'TemplateLiteral' && node.quasis.length === 1) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A class member's or property's name as code calls it: `find`, `'find'`, `#find`; a computed key by its name. */
export function memberName(key: AnyNode): string | undefined {
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'StringLiteral') return key.value;
  return key.type === 'IdentifierName' || key.type === 'IdentifierReference' ? key.name : undefined;
}
