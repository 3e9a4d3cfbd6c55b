import type { AnyNode } from '../../ast/lazy-ast.ts';
import { decorator, joinPath, propertyValue, stringValue } from '../ast.ts';
import type { EntryDetector } from '../types.ts';

const CONTROLLER = new Set(['Controller']);
const VERBS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);

// `'orders'`, `['orders', 'purchases']`, `{ path: 'orders' }`, or nothing (the root).
function pathsOf(argument: AnyNode | undefined): string[] {
  if (!argument) return [''];
  const one = stringValue(argument) ?? stringValue(propertyValue(argument, 'path'));
  if (one !== undefined) return [one];
  if (argument.type === 'ArrayExpression')
    return argument.elements.flatMap((element) => {
      const path = stringValue(element);
      return path === undefined ? [] : [path];
    });
  return [''];
}

/**
 * NestJS controllers: `@Controller('orders')` on the class and `@Get(':id')`, `@Post()`... on its methods give
 * `GET /orders/:id`. A global prefix (`app.setGlobalPrefix`) lives in main.ts and is not applied.
 */
export const nestjs: EntryDetector = {
  name: 'nestjs',
  trigger: '@Controller',
  create: (context) => {
    const prefixes: string[][] = [];
    return {
      Class(node) {
        const found = decorator(node.decorators, CONTROLLER);
        prefixes.push(found ? pathsOf(found.arguments[0]) : []);
      },
      ClassExit() {
        prefixes.pop();
      },
      MethodDefinition(node) {
        const prefix = prefixes[prefixes.length - 1];
        if (!prefix || prefix.length === 0) return;
        const verb = decorator(node.decorators, VERBS);
        if (!verb) return;
        for (const base of prefix)
          for (const path of pathsOf(verb.arguments[0]))
            context.report({
              kind: 'http',
              method: verb.name.toUpperCase(),
              path: joinPath(base, path),
              start: verb.start,
            });
      },
    };
  },
};
