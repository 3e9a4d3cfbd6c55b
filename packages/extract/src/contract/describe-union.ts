import { Node, type Type, type TypeNode } from 'ts-morph';
import type { JsonSchema, TypeRef } from './contract-model.ts';
import { INTERSECTION, operand, typeRef, UNION } from './type-text.ts';
import { textOnly, type At, type Describe, type Walk } from './type-walk.ts';

const definite = (type: Type) =>
  (type.isUnion() ? type.getUnionTypes() : [type]).filter((t) => !t.isUndefined()).map((t) => t.compilerType);

/**
 * `node` without parentheses, if it still says what `type` is. The checker flattens
 * `PaymentStatus | null` into five literals and null, and orders members by creation; the written
 * type keeps the names and the author's order. A generic's declaration (`items: T[]`) does not
 * match its instantiation, and an optional member's `undefined` is not written, so it is ignored.
 */
export function matchingNode(type: Type, node: TypeNode | undefined): TypeNode | undefined {
  let written = node;
  while (written && Node.isParenthesizedTypeNode(written)) written = written.getTypeNode();
  if (!written) return undefined;
  const expected = definite(type);
  const actual = new Set(definite(written.getType()));
  return expected.length === actual.size && expected.every((t) => actual.has(t)) ? written : undefined;
}

export const includesUndefined = (type: Type): boolean =>
  type.isUndefined() || (type.isUnion() && type.getUnionTypes().some((t) => t.isUndefined()));

function writtenMembers(
  type: Type,
  node: TypeNode | undefined,
  kind: 'union' | 'intersection',
): Array<[Type, TypeNode | undefined]> {
  const parts =
    kind === 'union'
      ? Node.isUnionTypeNode(node) && node.getTypeNodes()
      : Node.isIntersectionTypeNode(node) && node.getTypeNodes();
  if (parts) return parts.map((n) => [n.getType(), n]);
  // `card?: CardDetails` is CardDetails | undefined: the written part is one member.
  if (node && node.getType().compilerType !== type.compilerType) return [[node.getType(), node]];
  return (kind === 'union' ? type.getUnionTypes() : type.getIntersectionTypes()).map((t) => [t, undefined]);
}

/** Optional members and `undefined` are the caller's business (not required); null becomes anyOf with null. */
export function describeUnion(type: Type, node: TypeNode | undefined, at: At, walk: Walk, describe: Describe): TypeRef {
  let parts: TypeRef[] = [];
  let nullable = false;
  for (const [member, written] of writtenMembers(type, node, 'union')) {
    if (member.isUndefined() || member.isVoid()) continue;
    if (member.isNull()) nullable = true;
    else parts.push(describe(member, written, at, walk));
  }
  // The checker spreads boolean into true | false.
  const literal = (value: boolean) => parts.findIndex((p) => p.text === String(value) && p.schema.const === value);
  if (literal(true) >= 0 && literal(false) >= 0) {
    const first = Math.min(literal(true), literal(false));
    parts = parts.filter((p) => p.schema.const !== true && p.schema.const !== false);
    parts.splice(first, 0, typeRef('boolean', { type: 'boolean' }));
  }
  if (parts.length === 0) return nullable ? typeRef('null', { type: 'null' }) : typeRef('undefined', {});
  const body =
    parts.length === 1 ? parts[0]! : typeRef(parts.map((p) => operand(p, UNION)).join(' | '), combine(parts), UNION);
  if (!nullable) return body;
  const options =
    parts.length > 1 && Array.isArray(body.schema.anyOf) ? (body.schema.anyOf as JsonSchema[]) : [body.schema];
  return typeRef(`${operand(body, UNION)} | null`, { anyOf: [...options, { type: 'null' }] }, UNION);
}

function combine(parts: TypeRef[]): JsonSchema {
  const constant = (schema: JsonSchema) => Object.keys(schema).length === 1 && 'const' in schema;
  if (parts.every((p) => constant(p.schema))) return { enum: parts.map((p) => p.schema.const) };
  return { anyOf: parts.map((p) => p.schema) };
}

/**
 * Object intersections validate as one merged object: allOf of closed objects would reject every
 * value, each part forbidding the other's properties. A branded primitive (`string & { __brand }`)
 * validates as the primitive.
 */
export function describeIntersection(
  type: Type,
  node: TypeNode | undefined,
  at: At,
  walk: Walk,
  describe: Describe,
  merged: () => JsonSchema,
): TypeRef {
  const members = writtenMembers(type, node, 'intersection');
  const texts = members.map(([member, written]) => operand(describe(member, written, at, textOnly()), INTERSECTION));
  const primitive = members.find(
    ([member]) => member.isString() || member.isNumber() || member.isBoolean() || member.isLiteral(),
  );
  const schema = primitive ? describe(primitive[0], primitive[1], at, walk).schema : merged();
  return typeRef(texts.join(' & '), schema, INTERSECTION);
}
