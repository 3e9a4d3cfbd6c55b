import { Node, ts, type Type, type TypeNode } from 'ts-morph';
import type { TypeRef } from './contract-model.ts';
import { builtinName, describeBuiltin, libraryAlias, packageTypeName } from './builtin-types.ts';
import { declareType } from './declare-type.ts';
import { describeFunction, describeShape, inlineText, shapeSchema, type ObjectContext } from './describe-object.ts';
import { describePrimitive } from './describe-primitive.ts';
import { describeIntersection, describeUnion, matchingNode } from './describe-union.ts';
import type { NamedDeclaration, NamedTypes } from './named-types.ts';
import { OPERATOR, operand, typeRef } from './type-text.ts';
import { member, report, textOnly, type At, type Describe, type Walk } from './type-walk.ts';
import { createBudget } from './walk-budget.ts';

export interface Describer {
  describe: Describe;
  /** The type's own structure, not a reference to its name: the body of a named type. */
  expand: Describe;
  context: ObjectContext;
  /** A reference to a project type by its declaration, declaring it in the contract on first use. */
  declare: (declaration: NamedDeclaration, walk: Walk) => TypeRef;
}

/** Maps checker types to contract types (text and JSON Schema), registering the named types it meets. */
export function createDescriber(
  named: NamedTypes,
  fileOf: (node: Node) => string | undefined,
  anchor: Node,
): Describer {
  // Inline object types being expanded: a recursive type without a project name has no finite text.
  const expanding = new Set<ts.Type>();
  // Generic declarations being expanded, with how many of their instantiations are open: `Chain<T>`
  // holding a `Chain<[T]>` is a new type at every level, which `expanding` never sees twice.
  const generics = new Map<ts.Symbol, number>();
  const within = createBudget();
  const describe: Describe = (type, written, at, walk) =>
    within(at, walk, () => describeType(type, written, at, walk, false));
  const expand: Describe = (type, written, at, walk) =>
    within(at, walk, () => describeType(type, written, at, walk, true));
  const context: ObjectContext = { describe, fileOf, anchor };
  const declare = (declaration: NamedDeclaration, walk: Walk): TypeRef =>
    named.ref(declaration, fileOf(declaration) ?? '', walk, (entry) =>
      declareType(entry, declaration, declaration.getType(), describer),
    );
  const describer: Describer = { describe, expand, context, declare };

  function describeType(type: Type, written: TypeNode | undefined, at: At, walk: Walk, expanded: boolean): TypeRef {
    const primitive = describePrimitive(type, at, walk);
    if (primitive) return primitive;
    const declaration = expanded ? undefined : named.declarationOf(type);
    if (declaration) return declare(declaration, walk);
    const node = matchingNode(type, written);
    const structure = describeStructure(type, node, at, walk);
    // `Partial<Payment>`, `Record<Currency, number>`: the library's names read better than their expansion.
    const alias = libraryAlias(type, node);
    if (!alias) return structure;
    const args = alias.args.map(([arg, argNode]) => describe(arg, argNode, at, textOnly()).text);
    return typeRef(`${alias.name}<${args.join(', ')}>`, structure.schema);
  }

  function describeStructure(type: Type, node: TypeNode | undefined, at: At, walk: Walk): TypeRef {
    if (type.isUnion()) return describeUnion(type, node, at, walk, describe);
    if (type.isIntersection())
      return describeIntersection(type, node, at, walk, describe, () =>
        shapeSchema(describeShape(type, at, walk, context)),
      );
    if (type.isArray() || type.isReadonlyArray()) return describeArray(type, node, at, walk);
    if (type.isTuple()) return describeTuple(type, node, at, walk);
    const builtin = builtinName(type);
    if (builtin) return describeBuiltin(builtin, type, at, walk, describe);
    const foreign = packageTypeName(type);
    if (foreign)
      return unknown(
        at,
        walk,
        'unsupported-type',
        `\`${foreign}\` of a package`,
        'contract.ts cannot import it: declare the fields the service needs as a type of the project',
      );
    if ((type.getTargetType() ?? type).isClass()) {
      const name = type.getSymbol()?.getName() ?? type.getText();
      return unknown(
        at,
        walk,
        'class-instance',
        `an instance of class \`${name}\``,
        'its methods and identity are lost over the network: pass a plain data type instead',
      );
    }
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0)
      return describeFunction(type, at, walk, context);
    if (!type.isObject())
      return unknown(
        at,
        walk,
        'unsupported-type',
        `a type seams cannot map to JSON (\`${type.getText()}\`)`,
        'give it a plain data type',
      );
    if (expanding.has(type.compilerType)) {
      return unknown(
        at,
        walk,
        'unsupported-type',
        'a recursive type without a name of its own',
        'declare it as a non-generic interface in the project, so the contract can refer to it by name',
      );
    }
    const generic = genericOf(type);
    const nested = generic ? (generics.get(generic) ?? 0) : 0;
    if (generic && nested >= MAX_GENERIC_NESTING) {
      return unknown(
        at,
        walk,
        'unsupported-type',
        `a recursive generic (\`${generic.name}\` within itself, with new type arguments at every level)`,
        'declare the data that crosses as a non-generic interface in the project, so the contract can refer to it by name',
      );
    }
    expanding.add(type.compilerType);
    if (generic) generics.set(generic, nested + 1);
    try {
      const shape = describeShape(type, at, walk, context);
      return typeRef(inlineText(shape), shapeSchema(shape));
    } finally {
      expanding.delete(type.compilerType);
      if (generic) generics.set(generic, nested);
    }
  }

  function describeArray(type: Type, node: TypeNode | undefined, at: At, walk: Walk): TypeRef {
    const readonly = type.isReadonlyArray();
    const element = type.getTypeArguments()[0];
    const written = Node.isTypeOperatorTypeNode(node) ? node.getTypeNode() : node;
    const elementNode = Node.isArrayTypeNode(written)
      ? written.getElementTypeNode()
      : Node.isTypeReference(written)
        ? written.getTypeArguments()[0]
        : undefined;
    const item = element
      ? describe(element, elementNode, member(at, '[]', undefined, undefined), walk)
      : typeRef('unknown', {});
    return typeRef(
      `${readonly ? 'readonly ' : ''}${operand(item)}[]`,
      { type: 'array', items: item.schema },
      readonly ? OPERATOR : undefined,
    );
  }

  function describeTuple(type: Type, node: TypeNode | undefined, at: At, walk: Walk): TypeRef {
    const target = (type.getTargetType() ?? type).compilerType as ts.TupleType;
    const nodes = Node.isTupleTypeNode(node)
      ? node.getElements().map((e) => (Node.isNamedTupleMember(e) ? e.getTypeNode() : e))
      : [];
    const items = type
      .getTupleElements()
      .map((element, i) => describe(element, nodes[i], member(at, `[${i}]`, undefined, undefined), walk));
    const texts = items.map((item, i) => {
      const flags = target.elementFlags[i] ?? ts.ElementFlags.Required;
      const name = target.labeledElementDeclarations?.[i]?.name;
      const label = name && ts.isIdentifier(name) ? name.text : undefined;
      const optional = flags & ts.ElementFlags.Optional ? '?' : '';
      const rest = flags & ts.ElementFlags.Variable ? '...' : '';
      const text = rest ? `${operand(item)}[]` : optional && !label ? `${operand(item)}?` : item.text;
      return label ? `${rest}${label}${optional}: ${text}` : `${rest}${text}`;
    });
    const closed = (target.combinedFlags & ts.ElementFlags.Variable) === 0;
    const schema = {
      type: 'array',
      prefixItems: items.map((item) => item.schema),
      minItems: target.minLength,
      ...(closed ? { items: false } : {}),
    };
    return typeRef(
      `${target.readonly ? 'readonly ' : ''}[${texts.join(', ')}]`,
      schema,
      target.readonly ? OPERATOR : undefined,
    );
  }

  return describer;
}

// `Page<Page<Product>>` is fine; a third level of the same generic inside itself is a recursion.
const MAX_GENERIC_NESTING = 2;

/** The generic alias or interface `type` instantiates, if any. */
function genericOf(type: Type): ts.Symbol | undefined {
  if (type.getAliasTypeArguments().length > 0) return type.getAliasSymbol()?.compilerSymbol;
  const target = type.getTargetType();
  return target && target.compilerType !== type.compilerType ? target.getSymbol()?.compilerSymbol : undefined;
}

function unknown(
  at: At,
  walk: Walk,
  kind: 'unsupported-type' | 'class-instance',
  what: string,
  advice: string,
): TypeRef {
  report(walk, at, kind, what, advice);
  return typeRef('unknown', {});
}
