import { Node, type Type } from 'ts-morph';
import { builtinName } from './builtin-types.ts';
import { blockText, describeShape, shapeSchema } from './describe-object.ts';
import type { Describer } from './describe-type.ts';
import type { NamedDeclaration, NamedType } from './named-types.ts';
import { docComment, literalText } from './type-text.ts';
import type { At, Walk } from './type-walk.ts';

/**
 * Fills in a named type's declaration for contract.ts and its schema. Interfaces are written out
 * with their inherited members (contract.ts has no base types to extend); enums become unions of
 * their values, which is what arrives over JSON.
 */
export function declareType(entry: NamedType, declaration: NamedDeclaration, type: Type, describer: Describer): void {
  const walk: Walk = { issues: entry.issues, refs: entry.refs };
  const at: At = { file: entry.file, line: declaration.getStartLineNumber(), origin: 'type', path: entry.name };
  const docs = declaration
    .getJsDocs()
    .map((doc) => `${docComment(doc.getText(), '')}\n`)
    .join('');
  if (Node.isEnumDeclaration(declaration)) {
    const values = declaration.getMembers().map((m) => m.getValue() ?? m.getName());
    entry.text = `${docs}export type ${entry.name} = ${values.map(literalText).join(' | ')};`;
    entry.schema = values.length === 1 ? { const: values[0] } : { enum: values };
    return;
  }
  const written = Node.isTypeAliasDeclaration(declaration) ? declaration.getTypeNode() : undefined;
  // Written out one member a line when declared as members; an alias of anything else keeps its one-line form.
  const members = Node.isInterfaceDeclaration(declaration) || Node.isClassDeclaration(declaration);
  if ((isPlainObject(type) || Node.isClassDeclaration(declaration)) && (members || Node.isTypeLiteral(written))) {
    const shape = describeShape(type, at, walk, describer.context);
    const body = blockText(shape);
    entry.text =
      members && body.startsWith('{')
        ? `${docs}export interface ${entry.name} ${body}`
        : `${docs}export type ${entry.name} = ${body};`;
    entry.schema = shapeSchema(shape);
    return;
  }
  const body = describer.expand(type, written, at, walk);
  entry.text = `${docs}export type ${entry.name} = ${body.text};`;
  entry.schema = body.schema;
}

// Data with properties, as opposed to arrays, tuples, functions, classes and the library's types.
function isPlainObject(type: Type): boolean {
  if (!type.isObject() || type.isArray() || type.isReadonlyArray() || type.isTuple()) return false;
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
  return !(type.getTargetType() ?? type).isClass() && builtinName(type) === undefined;
}
