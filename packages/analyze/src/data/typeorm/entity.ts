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
