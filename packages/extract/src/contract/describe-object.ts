import { Node, type Type } from 'ts-morph';
import type { JsonSchema, TypeRef } from './contract-model.ts';
import { includesUndefined } from './describe-union.ts';
import { withDocConstraints } from './doc-constraints.ts';
import { docComment, FUNCTION, propertyKey, typeRef } from './type-text.ts';
import { member, report, textOnly, type At, type Describe, type Walk } from './type-walk.ts';

interface Member {
  name: string;
  optional: boolean;
  readonly: boolean;
  type: TypeRef;
  /** JSDoc comments as written, for declarations. */
  docs: string[];
}

/** An object type's data: its properties and what an index signature allows besides. */
interface Shape {
  members: Member[];
  index?: TypeRef;
}

export interface ObjectContext {
  describe: Describe;
  /** The project-relative file of a declaration, or undefined outside the project. */
  fileOf: (node: Node) => string | undefined;
  /** Any node, for asking the checker about symbols that have no declaration (mapped types). */
  anchor: Node;
}

export function describeShape(type: Type, at: At, walk: Walk, context: ObjectContext): Shape {
  const members: Member[] = [];
  for (const property of type.getProperties()) {
    const name = property.getName();
    if (name.startsWith('__@') || name.startsWith('#')) continue; // symbol keys and private names: not data
    const declaration = property.getValueDeclaration() ?? property.getDeclarations()[0];
    const propertyType = property.getTypeAtLocation(declaration ?? context.anchor);
    const written =
      Node.isPropertySignature(declaration) || Node.isPropertyDeclaration(declaration) ? declaration : undefined;
    const memberAt = member(at, name, declaration, declaration && context.fileOf(declaration));
    members.push({
      name,
      optional: property.isOptional() || includesUndefined(propertyType),
      readonly: written?.isReadonly() ?? false,
      type: context.describe(propertyType, written?.getTypeNode(), memberAt, walk),
      docs: written?.getJsDocs().map((doc) => doc.getText()) ?? [],
    });
  }
  const indexType = type.getStringIndexType() ?? type.getNumberIndexType();
  const index = indexType && context.describe(indexType, undefined, member(at, '[key]', undefined, undefined), walk);
  return index ? { members, index } : { members };
}

export function shapeSchema(shape: Shape): JsonSchema {
  const properties = Object.fromEntries(shape.members.map((m) => [m.name, withDocConstraints(m.type.schema, m.docs)]));
  const required = shape.members.filter((m) => !m.optional).map((m) => m.name);
  return {
    type: 'object',
    ...(shape.members.length > 0 || !shape.index ? { properties } : {}),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: shape.index ? shape.index.schema : false,
  };
}

const memberText = (m: Member) =>
  `${m.readonly ? 'readonly ' : ''}${propertyKey(m.name)}${m.optional ? '?' : ''}: ${m.type.text}`;

/** `{ id: string; note?: string }`, or `Record<string, T>` for a bare index signature. */
export function inlineText(shape: Shape): string {
  if (shape.members.length === 0 && shape.index) return `Record<string, ${shape.index.text}>`;
  const parts = [...shape.members.map(memberText), ...(shape.index ? [`[key: string]: ${shape.index.text}`] : [])];
  return parts.length === 0 ? '{}' : `{ ${parts.join('; ')} }`;
}

/** One member a line, with its doc comments, for a declaration. */
export function blockText(shape: Shape): string {
  if (shape.members.length === 0) return inlineText(shape);
  const lines = shape.members.flatMap((m) => [...m.docs.map((doc) => docComment(doc, '  ')), `  ${memberText(m)};`]);
  if (shape.index) lines.push(`  [key: string]: ${shape.index.text};`);
  return `{\n${lines.join('\n')}\n}`;
}

/** A function's signature stays in the text (it must compile); JSON carries nothing of it. */
export function describeFunction(type: Type, at: At, walk: Walk, context: ObjectContext): TypeRef {
  const signature = type.getCallSignatures()[0] ?? type.getConstructSignatures()[0];
  const params = (signature?.getParameters() ?? []).map((parameter) => {
    const declaration = parameter.getValueDeclaration();
    const written = Node.isParameterDeclaration(declaration) ? declaration : undefined;
    const described = context.describe(
      parameter.getTypeAtLocation(declaration ?? context.anchor),
      written?.getTypeNode(),
      at,
      textOnly(),
    );
    const rest = written?.isRestParameter() ?? false;
    return `${rest ? '...' : ''}${parameter.getName()}${written?.hasQuestionToken() ? '?' : ''}: ${described.text}`;
  });
  const returns = signature ? context.describe(signature.getReturnType(), undefined, at, textOnly()).text : 'unknown';
  report(walk, at, 'callback', 'a function', 'a callback cannot cross a network boundary: pass data, or an event');
  return typeRef(`(${params.join(', ')}) => ${returns}`, {}, FUNCTION);
}
