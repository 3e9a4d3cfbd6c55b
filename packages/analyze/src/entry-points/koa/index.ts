import type { AnyNode } from '../../ast/lazy-ast.ts';
import { calledMember, identifierName, joinPath, propertyValue, stringValue } from '../ast.ts';
import { HTTP_METHODS } from '../express/index.ts';
import type { EntryDetector } from '../types.ts';

/**
 * koa-router / @koa/router: `router.get('/path', h)`, named routes `router.get('name', '/path', h)`, a
 * router's own prefix `new Router({ prefix: '/users' })`, and `router.use('/prefix', other.routes())` or
 * `router.use(other)`; a router mounted in its own file (`api.use(users)`, then `router.use('/api', api.routes())`)
 * lends its mounts the prefix it is mounted under there.
 */
export const koa: EntryDetector = {
  name: 'koa',
  trigger: String.raw`koa-router|@koa\/router|koa-tree-router`,
  create: (context) => {
    // Router variable -> the prefix it was created with.
    const prefixes = new Map<string, string>();
    // Router variable -> its `use` calls: the prefix (its own included) and the routers mounted there.
    const uses = new Map<string, Array<{ prefix: string; routers: AnyNode[]; start: number }>>();
    const mount = (name: string, outer: string, seen: Set<string>): void => {
      seen.add(name);
      for (const use of uses.get(name) ?? [])
        for (const router of use.routers) {
          const inner = identifierName(routerOf(router));
          if (inner !== undefined && uses.has(inner) && !seen.has(inner))
            mount(inner, joinPath(outer, use.prefix), seen);
          else context.mount(joinPath(outer, use.prefix), routerOf(router), use.start);
        }
    };
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
        const name = identifierName(member.object) ?? '';
        const own = prefixes.get(name) ?? '';
        if (method === 'use') {
          const first = stringValue(args[0]);
          const prefix = first === undefined ? '' : first.startsWith('/') ? first : undefined;
          const routers = first === undefined ? [...args] : args.slice(1);
          if (prefix !== undefined)
            uses.set(name, [...(uses.get(name) ?? []), { prefix: own + prefix, routers, start: node.start }]);
          return;
        }
        // koa-router's `del` is its DELETE.
        const verb = method === 'del' ? 'delete' : method;
        if (!HTTP_METHODS.has(verb) || args.length < 2) return;
        const first = stringValue(args[0]);
        const path = first?.startsWith('/')
          ? first
          : stringValue(args[1])?.startsWith('/')
            ? stringValue(args[1])
            : undefined;
        if (path !== undefined)
          context.report({ kind: 'http', method: verb.toUpperCase(), path: own + path, start: node.start });
      },
      // A router another router of the file mounts is placed through that one; the others where the file is.
      ProgramExit() {
        const inner = new Set(
          [...uses.values()].flatMap((list) =>
            list.flatMap((use) => use.routers.flatMap((r) => identifierName(routerOf(r)) ?? [])),
          ),
        );
        for (const name of uses.keys()) if (!inner.has(name)) mount(name, '', new Set());
      },
    };
  },
};

// `users.routes()` mounts the router `users`.
function routerOf(node: AnyNode): AnyNode {
  const member = node.type === 'CallExpression' ? calledMember(node) : undefined;
  return member?.property.name === 'routes' ? member.object : node;
}
