import type { AnyNode } from '../../ast/lazy-ast.ts';
import { calledMember, calledMethod, joinPath, propertyValue, stringValue } from '../ast.ts';
import { HTTP_METHODS } from '../express/index.ts';
import type { EntryDetector } from '../types.ts';
import { autoloadOf } from './autoload.ts';

/**
 * Fastify: `fastify.get('/path', [opts,] h)`, `fastify.route({ method, url })`, `register(plugin, { prefix })`,
 * and `register(autoLoad, { dir })` (@fastify/autoload loading a folder of plugins).
 */
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
        const load = autoloadOf(args[1]);
        // In a chain (`server.register(a).register(b)`) each call starts with the chain: the line is `register`'s.
        if (load && args[0]) context.autoload(args[0], load, calledMember(node)!.property.start);
      } else if (method === 'route') {
        const url = routePath(propertyValue(args[0], 'url') ?? propertyValue(args[0], 'path'));
        if (url === undefined) return;
        for (const verb of methodsOf(propertyValue(args[0], 'method')))
          context.report({ kind: 'http', method: verb, path: url, start: node.start });
      } else if (HTTP_METHODS.has(method) && args.length >= 2) {
        const path = routePath(args[0]);
        if (path?.startsWith('/'))
          context.report({ kind: 'http', method: method.toUpperCase(), path, start: node.start });
      }
    },
  }),
};

/**
 * A route's path: a literal (`'/users'`), or the plugin's prefix option
 * and a literal (`options.prefix + 'articles'`, `` `${opts.prefix}/articles` ``). The prefix a plugin is given
 * is the one it is registered (mounted) under, so the literal part is the path under that mount.
 */
function routePath(node: AnyNode | undefined): string | undefined {
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  if (node?.type === 'BinaryExpression' && node.operator === '+' && isPrefixOption(node.left)) {
    const rest = stringValue(node.right);
    return rest === undefined ? undefined : joinPath(rest);
  }
  if (node?.type === 'TemplateLiteral' && node.quasis.length === 2 && node.quasis[0]?.value.cooked === '') {
    const rest = node.quasis[1]?.value.cooked;
    return rest !== undefined && rest !== null && isPrefixOption(node.expressions[0]) ? joinPath(rest) : undefined;
  }
  return undefined;
}

// `options.prefix`, `opts.prefix`: the prefix option of the plugin's options parameter.
const isPrefixOption = (node: AnyNode | undefined): boolean =>
  node?.type === 'StaticMemberExpression' &&
  node.property.name === 'prefix' &&
  node.object.type === 'IdentifierReference';

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
