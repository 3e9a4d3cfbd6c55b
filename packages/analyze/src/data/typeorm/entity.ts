import { stringValue, unwrap, type AstNode } from '../types.ts';

// A view entity is declared like a table: reads through it then meet the view's own node, and nothing can write it.
const ENTITY_DECORATORS = new Set(['Entity', 'ViewEntity']);

/** The table an `@Entity(...)`/`@ViewEntity(...)` class maps to; undefined for a class without one. */
export function entityTable(node: AstNode): string | undefined {
  const className = node.id?.name;
  if (className === undefined) return undefined;
  for (const decorator of node.decorators ?? []) {
    const call = unwrap(decorator.expression as AstNode);
    if (
      call.type !== 'CallExpression' ||
      call.callee!.type !== 'IdentifierReference' ||
      !ENTITY_DECORATORS.has(call.callee!.name!)
    )
      continue;
    const [first] = call.arguments!;
    const named =
      first?.type === 'ObjectExpression'
        ? first.properties!.find((p) => p.type === 'ObjectProperty' && p.key!.name === 'name')?.value
        : first;
    return stringValue(named as AstNode | undefined) ?? snakeCase(className);
  }
  return undefined;
}

/** TypeORM's default naming strategy: `OrderItem` -> `order_item`, `HTMLPage` -> `html_page`. */
function snakeCase(name: string): string {
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
export function entityReferences(node: AstNode): string[] {
  const body = node.body as (AstNode & { body?: AstNode[] }) | null;
  const references = new Set<string>();
  for (const member of body?.body ?? []) {
    if (member.type !== 'PropertyDefinition' && member.type !== 'AccessorProperty') continue;
    const calls = new Map<string, AstNode>();
    for (const decorator of member.decorators ?? []) {
      const call = unwrap(decorator.expression as AstNode);
      if (call.type === 'CallExpression' && call.callee!.type === 'IdentifierReference')
        calls.set(call.callee!.name!, call);
    }
    const relation =
      calls.get('ManyToOne') ??
      (calls.has('JoinColumn') ? calls.get('OneToOne') : undefined) ??
      (calls.has('JoinTable') ? calls.get('ManyToMany') : undefined);
    const target = relation && relatedEntity(relation.arguments![0]);
    if (target !== undefined) references.add(target);
  }
  return [...references];
}

/** `() => User`, `type => User` or `'User'`: the related entity's class (or entity) name. */
function relatedEntity(argument: AstNode | undefined): string | undefined {
  const value = argument && unwrap(argument);
  if (value?.type === 'ArrowFunctionExpression') {
    // oxc's lazy AST gives an expression-bodied arrow its expression as body; `() => { return User; }` a FunctionBody.
    const body = value.body as AstNode & { body?: AstNode[] };
    const returned = body.type === 'FunctionBody' ? (body.body?.[0]?.argument ?? undefined) : body;
    const target = returned && unwrap(returned);
    return target?.type === 'IdentifierReference' ? target.name : undefined;
  }
  return stringValue(value);
}
