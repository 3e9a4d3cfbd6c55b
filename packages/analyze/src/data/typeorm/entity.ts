import type { VisitedNode } from '../../ast/lazy-ast.ts';
import { stringValue, unwrap, type AnyNode } from '../types.ts';

type ClassNode = VisitedNode<'Class'>;

// A view entity is declared like a table: reads through it then meet the view's own node, and nothing can write it.
// A project's own decorator named like TypeORM's wraps it (`@MultiORMEntity('deal')` over TypeORM's and
// MikroORM's `@Entity`); `@ChildEntity` is no table of its own (its rows live in the parent's).
const isEntityDecorator = (name: string) => name.endsWith('Entity') && name !== 'ChildEntity';
// The relation decorators, also under a wrapper's name (`@MultiORMManyToOne`).
const RELATIONS = ['ManyToOne', 'OneToOne', 'ManyToMany', 'JoinColumn', 'JoinTable'];

/** The table an `@Entity(...)`/`@ViewEntity(...)` class maps to; undefined for a class without one. */
export function entityTable(node: ClassNode): string | undefined {
  const className = node.id?.name;
  if (className === undefined) return undefined;
  for (const decorator of node.decorators) {
    const call = unwrap(decorator.expression);
    if (
      call.type !== 'CallExpression' ||
      call.callee.type !== 'IdentifierReference' ||
      !isEntityDecorator(call.callee.name)
    )
      continue;
    const [first] = call.arguments;
    return stringValue(first?.type === 'ObjectExpression' ? nameOption(first) : first) ?? snakeCase(className);
  }
  return undefined;
}

// TypeORM's `name`, MikroORM's `tableName` (its `@Entity` also reaches here, by the same decorator name).
const OPTION_NAMES = new Set(['name', 'tableName']);

/** `{ name: ... }`: the value of an options object's `name` (`tableName`). */
function nameOption(options: AnyNode & { type: 'ObjectExpression' }): AnyNode | undefined {
  for (const property of options.properties)
    if (
      property.type === 'ObjectProperty' &&
      property.key.type === 'IdentifierName' &&
      OPTION_NAMES.has(property.key.name)
    )
      return property.value;
  return undefined;
}

/** TypeORM's default naming strategy: `OrderItem` -> `order_item`, `HTMLPage` -> `html_page`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The entities an entity's foreign keys point to, by class name as written: `@ManyToOne(() => User)`,
 * `@OneToOne(() => Profile)` with `@JoinColumn()` (the side holding the key), and `@ManyToMany(() => Tag)`
 * with `@JoinTable()` (the owning side, whose join table holds keys to both). `@OneToMany` is the inverse
 * side: TypeORM requires the `@ManyToOne` that holds its key on the other entity, which is counted there.
 */
export function entityReferences(node: ClassNode): string[] {
  const references = new Set<string>();
  for (const member of node.body.body) {
    if (member.type !== 'PropertyDefinition' && member.type !== 'AccessorProperty') continue;
    const calls = new Map<string, AnyNode & { type: 'CallExpression' }>();
    for (const decorator of member.decorators) {
      const call = unwrap(decorator.expression);
      if (call.type !== 'CallExpression' || call.callee.type !== 'IdentifierReference') continue;
      const { name } = call.callee;
      const relation = RELATIONS.find((suffix) => name.endsWith(suffix));
      if (relation) calls.set(relation, call);
    }
    const relation =
      calls.get('ManyToOne') ??
      (calls.has('JoinColumn') ? calls.get('OneToOne') : undefined) ??
      (calls.has('JoinTable') ? calls.get('ManyToMany') : undefined);
    const target = relation && relatedEntity(relation.arguments[0]);
    if (target !== undefined) references.add(target);
  }
  return [...references];
}

/** `() => User`, `type => User` or `'User'`: the related entity's class (or entity) name. */
export function relatedEntity(argument: AnyNode | undefined): string | undefined {
  const value = argument && unwrap(argument);
  if (value?.type === 'ArrowFunctionExpression') {
    // oxc's lazy AST gives an expression-bodied arrow its expression as body; `() => { return User; }` a FunctionBody.
    const body = value.body;
    const first = body.type === 'FunctionBody' ? body.body[0] : undefined;
    const returned =
      body.type !== 'FunctionBody' ? body : first?.type === 'ReturnStatement' ? first.argument : undefined;
    const target = returned && unwrap(returned);
    return target?.type === 'IdentifierReference' ? target.name : undefined;
  }
  return stringValue(value);
}
