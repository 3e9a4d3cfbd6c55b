import type { AnyNode, LazyNode } from '../../ast/lazy-ast.ts';
import { calledMember, calledMethod, identifierName, joinPath, propertyValue, stringValue } from '../ast.ts';
import type { EntryDetector } from '../types.ts';

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);

// HTTP clients share the verbs (`axios.post('/users', body)`): a file that imports one is not read for routes.
const CLIENT = /(?:from|require\()\s*['"](?:axios|ky|got|superagent|supertest|node-fetch)['"]/;
// Hono apps share the verbs too, and have their own detector.
const HONO = /['"]hono(?:\/[\w-]+)?['"]/;
const ROUTER = String.raw`\bexpress\b|\bRouter\b|\b(?:app|router)\.(?:get|post|put|patch|delete|all|use|route)\s*\(`;

/**
 * The route path a method call is chained on: `router.route('/users').get(h).post(h)` gives `/users` for
 * both calls; undefined when the chain does not start with `.route(path)`.
 */
function chainedPath(receiver: AnyNode): string | undefined {
  let current = receiver;
  while (current.type === 'CallExpression') {
    const member = calledMember(current);
    const method = member?.property.name;
    if (method === 'route') return stringValue(current.arguments[0]);
    if (member === undefined || method === undefined || !HTTP_METHODS.has(method)) return undefined;
    current = member.object;
  }
  return undefined;
}

const isPath = (path: string | undefined): path is string => path !== undefined && /^[/*]/.test(path);

/** `use('/v1', a, b)` or `use(a)`: the prefix (empty for none) and the routers; undefined for a non-path string. */
function useArguments(args: readonly AnyNode[]): { prefix: string; routers: AnyNode[] } | undefined {
  const first = stringValue(args[0]);
  if (first === undefined) return { prefix: '', routers: [...args] };
  return isPath(first) ? { prefix: first, routers: args.slice(1) } : undefined;
}

type UseCall = LazyNode<'CallExpression'>;

// The `.use(...)` calls of `Router().use(tags).use('/x', users)`, outermost first.
function chainedUses(init: AnyNode | null | undefined): UseCall[] {
  const uses: UseCall[] = [];
  for (let call = init; call?.type === 'CallExpression'; call = calledMember(call)?.object)
    if (calledMethod(call) === 'use') uses.push(call);
  return uses;
}

/**
 * Express: `app.get('/path', handler)` and the other verbs, `router.route('/path').get(h).post(h)`, and
 * `app.use('/prefix', router)` or `app.use(router)` mounts, and route tables `[{ path: '/users', route: userRoute }]`
 * that a loop hands to `router.use(route.path, route.route)`. A router built in a local chain
 * (`const api = Router().use(tags)`) lends its mounts the prefix it is itself mounted under in the file
 * (`Router().use('/api', api)`). Koa, Fastify and Hono files have their own detectors.
 */
export const express: EntryDetector = {
  name: 'express',
  trigger: ROUTER,
  isEnabled: (text) => !/\bkoa\b|fastify/.test(text) && !CLIENT.test(text) && !HONO.test(text),
  create: (context) => {
    const locals = new Map<string, UseCall[]>();
    const held = new Set<number>();
    const mounted = new Set<string>();
    const mount = (call: UseCall, outer: string): void => {
      const use = useArguments(call.arguments);
      if (!use) return;
      for (const router of use.routers) {
        const name = identifierName(router);
        const local = name === undefined ? undefined : locals.get(name);
        if (name === undefined || !local) context.mount(joinPath(outer, use.prefix), router, call.start);
        else if (!mounted.has(name)) {
          mounted.add(name);
          for (const inner of local) mount(inner, joinPath(outer, use.prefix));
        }
      }
    };
    return {
      VariableDeclarator(node) {
        const uses = chainedUses(node.init);
        if (node.id.type !== 'BindingIdentifier' || uses.length === 0) return;
        locals.set(node.id.name, uses.reverse());
        for (const use of uses) held.add(use.start);
      },
      CallExpression(node) {
        const member = calledMember(node);
        if (member === undefined) return;
        const method = member.property.name;
        const args = node.arguments;
        if (method === 'use') {
          if (!held.has(node.start)) mount(node, '');
          return;
        }
        if (!HTTP_METHODS.has(method) || args.length === 0) return;
        const chained = chainedPath(member.object);
        const path = chained ?? (args.length >= 2 ? stringValue(args[0]) : undefined);
        if (isPath(path))
          context.report({ kind: 'http', method: method.toUpperCase(), path, start: member.property.start });
      },
      ObjectExpression(node) {
        const path = stringValue(propertyValue(node, 'path'));
        const router = propertyValue(node, 'route') ?? propertyValue(node, 'router');
        if (isPath(path) && router?.type === 'IdentifierReference') context.mount(path, router, node.start);
      },
      // A local router no mount in the file names is served where the file is (exported, say); one that another
      // local router mounts is placed through that one.
      ProgramExit() {
        const inner = new Set(
          [...locals.values()].flatMap((uses) =>
            uses.flatMap((use) => use.arguments.flatMap((a) => (a.type === 'IdentifierReference' ? [a.name] : []))),
          ),
        );
        for (const [name, uses] of locals)
          if (!mounted.has(name) && !inner.has(name)) for (const use of uses) mount(use, '');
      },
    };
  },
};
