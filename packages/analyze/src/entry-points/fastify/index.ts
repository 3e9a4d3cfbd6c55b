import type { AnyNode } from '../../ast/lazy-ast.ts';
import { calledMethod, propertyValue, stringValue } from '../ast.ts';
import { HTTP_METHODS } from '../express/index.ts';
import type { EntryDetector } from '../types.ts';

/** Fastify: `fastify.get('/path', [opts,] h)`, `fastify.route({ method, url })`, `register(plugin, { prefix })`. */
export const fastify: EntryDetector = {
  name: 'fastify',
  trigger: 'fastify',
  create: (context) => ({
    CallExpression(node) {
      const method = calledMethod(node);
      if (method === undefined) return;
      const args = node.arguments;
      if (method === 'register') {
        const prefix = stringValue(propertyValue(args[1], 'prefix'));
        if (prefix !== undefined && args[0]) context.mount(prefix, args[0], node.start);
      } else if (method === 'route') {
        const url = stringValue(propertyValue(args[0], 'url') ?? propertyValue(args[0], 'path'));
        if (url === undefined) return;
        for (const verb of methodsOf(propertyValue(args[0], 'method')))
          context.report({ kind: 'http', method: verb, path: url, start: node.start });
      } else if (HTTP_METHODS.has(method) && args.length >= 2) {
        const path = stringValue(args[0]);
        if (path?.startsWith('/'))
          context.report({ kind: 'http', method: method.toUpperCase(), path, start: node.start });
      }
    },
  }),
};

// `method: 'GET'` or `method: ['GET', 'HEAD']`.
function methodsOf(node: AnyNode | undefined): string[] {
  const one = stringValue(node);
  if (one !== undefined) return [one.toUpperCase()];
  if (node?.type !== 'ArrayExpression') return [];
  return node.elements.flatMap((element) => {
    const verb = stringValue(element);
    return verb === undefined ? [] : [verb.toUpperCase()];
  });
}
