import { decorator, keyName, memberName, propertyValue, stringValue } from '../ast.ts';
import type { EntryDetector } from '../types.ts';

const OPERATIONS = new Set(['Query', 'Mutation', 'Subscription']);
const RESOLVER = new Set(['Resolver']);

/**
 * GraphQL operations: `@Query()` / `@Mutation()` / `@Subscription()` methods of a `@Resolver()` class
 * (NestJS, type-graphql; `{ name }` in the options renames the field), and resolver maps
 * `{ Query: { orders, order }, Mutation: { ... } }` (Apollo, graphql-tools, mercurius).
 */
export const graphql: EntryDetector = {
  name: 'graphql',
  trigger: String.raw`@Resolver|\b(?:Query|Mutation|Subscription)\s*:\s*\{`,
  create: (context) => {
    const resolvers: boolean[] = [];
    return {
      Class(node) {
        resolvers.push(decorator(node.decorators, RESOLVER) !== undefined);
      },
      ClassExit() {
        resolvers.pop();
      },
      MethodDefinition(node) {
        if (!resolvers[resolvers.length - 1]) return;
        const operation = decorator(node.decorators, OPERATIONS);
        if (!operation) return;
        // `@Query(() => [Order], { name: 'orders' })` or `@Query('orders')` renames the field.
        const renamed = operation.arguments
          .map((a) => stringValue(a) ?? stringValue(propertyValue(a, 'name')))
          .find(Boolean);
        const name = renamed ?? memberName(node.key);
        if (name !== undefined)
          context.report({ kind: 'graphql', name: `${operation.name} ${name}`, start: operation.start });
      },
      ObjectExpression(node) {
        for (const property of node.properties) {
          if (property.type !== 'ObjectProperty') continue;
          const type = keyName(property);
          const fields = property.value;
          if (type === undefined || !OPERATIONS.has(type) || fields.type !== 'ObjectExpression') continue;
          for (const field of fields.properties) {
            const name = field.type === 'ObjectProperty' ? keyName(field) : undefined;
            if (name !== undefined) context.report({ kind: 'graphql', name: `${type} ${name}`, start: field.start });
          }
        }
      },
    };
  },
};
