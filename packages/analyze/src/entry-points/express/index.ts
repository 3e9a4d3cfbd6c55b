import type { AnyNode } from '../../ast/lazy-ast.ts';
import { calledMember, propertyValue, stringValue } from '../ast.ts';
import type { EntryDetector } from '../types.ts';

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);

// HTTP clients share the verbs (`axios.post('/users', body)`): a file that imports one is not read for routes.
const CLIENT = /(?:from|require\()\s*['"](?:axios|ky|got|superagent|supertest|node-fetch)['"]/;
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

/**
 * Express: `app.get('/path', handler)` and the other verbs, `router.route('/path').get(h).post(h)`, and
 * `app.use('/prefix', router)` mounts, and route tables `[{ path: '/users', route: userRoute }]` that a loop
 * hands to `router.use(route.path, route.route)`. Koa and Fastify files have their own detectors.
 */
export const express: EntryDetector = {
  name: 'express',
  trigger: ROUTER,
  isEnabled: (text) => !/\bkoa\b|fastify/.test(text) && !CLIENT.test(text),
  create: (context) => ({
    CallExpression(node) {
      const member = calledMember(node);
      if (member === undefined) return;
      const method = member.property.name;
      const args = node.arguments;
      if (method === 'use') {
        const prefix = stringValue(args[0]);
        if (isPath(prefix)) for (const router of args.slice(1)) context.mount(prefix, router, node.start);
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
  }),
};
