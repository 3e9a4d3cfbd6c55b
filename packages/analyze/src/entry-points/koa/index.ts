import type { AnyNode } from '../../ast/lazy-ast.ts';
import { calledMember, identifierName, propertyValue, stringValue } from '../ast.ts';
import { HTTP_METHODS } from '../express/index.ts';
import type { EntryDetector } from '../types.ts';

/**
 * koa-router / @koa/router: `router.get('/path', h)`, named routes `router.get('name', '/path', h)`, a
 * router's own prefix `new Router({ prefix: '/users' })`, and `router.use('/prefix', other.routes())`.
 */
export const koa: EntryDetector = {
  name: 'koa',
  trigger: String.raw`koa-router|@koa\/router|koa-tree-router`,
  create: (context) => {
    // Router variable -> the prefix it was created with.
    const prefixes = new Map<string, string>();
    return {
      VariableDeclarator(node) {
        const init = node.init;
        if (node.id.type !== 'BindingIdentifier' || init?.type !== 'NewExpression') return;
        const prefix = stringValue(propertyValue(init.arguments[0], 'prefix'));
        if (prefix !== undefined) prefixes.set(node.id.name, prefix);
      },
      CallExpression(node) {
        const member = calledMember(node);
        if (member === undefined) return;
        const method = member.property.name;
        const args = node.arguments;
        const own = prefixes.get(identifierName(member.object) ?? '') ?? '';
        if (method === 'use') {
          const prefix = stringValue(args[0]);
          if (prefix?.startsWith('/'))
            for (const router of args.slice(1)) context.mount(own + prefix, routerOf(router), node.start);
          return;
        }
        if (!HTTP_METHODS.has(method) || args.length < 2) return;
        const first = stringValue(args[0]);
        const path = first?.startsWith('/')
          ? first
          : stringValue(args[1])?.startsWith('/')
            ? stringValue(args[1])
            : undefined;
        if (path !== undefined)
          context.report({ kind: 'http', method: method.toUpperCase(), path: own + path, start: node.start });
      },
    };
  },
};

// `users.routes()` mounts the router `users`.
function routerOf(node: AnyNode): AnyNode {
  const member = node.type === 'CallExpression' ? calledMember(node) : undefined;
  return member?.property.name === 'routes' ? member.object : node;
}
