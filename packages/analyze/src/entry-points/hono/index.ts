import type { AnyNode, LazyNode } from '../../ast/lazy-ast.ts';
import { calledMember, identifierName, joinPath, stringValue } from '../ast.ts';
import { HTTP_METHODS } from '../express/index.ts';
import type { EntryDetector, FoundEntry } from '../types.ts';

// A file that imports hono (or one of its entry points, `hono/factory`).
const IMPORTS_HONO = /\bfrom\s*['"]hono(?:\/[\w-]+)?['"]|\brequire\(\s*['"]hono(?:\/[\w-]+)?['"]\s*\)/;

/** Where a chain of calls starts: `app` of `app.basePath('/v1').use(m).get(...)`, or its `new Hono()`. */
function chainRoot(node: AnyNode): { root: AnyNode; basePaths: string[] } {
  const basePaths: string[] = [];
  let current = node;
  while (current.type === 'CallExpression') {
    const member = calledMember(current);
    if (member === undefined) break;
    if (member.property.name === 'basePath') basePaths.unshift(stringValue(current.arguments[0]) ?? '');
    current = member.object;
  }
  return { root: current, basePaths };
}

/**
 * Hono: `app.get('/path', h)` and the other verbs (chained too: `new Hono().use(auth).get('/me', h)`), an app's
 * `basePath('/api')`, and `app.route('/prefix', sub)` mounts of another file's app. A sub-app of the same file
 * is placed under the prefix the file mounts it at; the others where the file is.
 */
export const hono: EntryDetector = {
  name: 'hono',
  trigger: String.raw`\bhono\b`,
  isEnabled: (text) => IMPORTS_HONO.test(text),
  create: (context) => {
    // Local app name -> its base path (`new Hono().basePath('/api')`, `app.basePath('/v1')`).
    const bases = new Map<string, string>();
    // `new Hono()` (by its start) -> the local name it is bound to.
    const bound = new Map<number, string>();
    const routes: Array<{ app: string | undefined; entry: Omit<Extract<FoundEntry, { kind: 'http' }>, 'kind'> }> = [];
    const mounts: Array<{ app: string | undefined; prefix: string; sub: AnyNode; start: number }> = [];
    const appOf = (receiver: AnyNode): { app: string | undefined; base: string } => {
      const { root, basePaths } = chainRoot(receiver);
      const name = identifierName(root) ?? (root.type === 'NewExpression' ? bound.get(root.start) : undefined);
      const own = root.type === 'IdentifierReference' ? (bases.get(root.name) ?? '') : '';
      return { app: name, base: joinPath(own, ...basePaths) };
    };
    return {
      VariableDeclarator(node: LazyNode<'VariableDeclarator'>) {
        const init = node.init;
        if (node.id.type !== 'BindingIdentifier' || init == null) return;
        const { root, basePaths } = chainRoot(init);
        if (root.type === 'NewExpression' && identifierName(root.callee) === 'Hono')
          bound.set(root.start, node.id.name);
        if (init.type === 'CallExpression' && calledMember(init)?.property.name === 'basePath') {
          const own = root.type === 'IdentifierReference' ? (bases.get(root.name) ?? '') : '';
          bases.set(node.id.name, joinPath(own, ...basePaths));
        } else if (root.type === 'NewExpression' && basePaths.length > 0)
          bases.set(node.id.name, joinPath(...basePaths));
      },
      CallExpression(node) {
        const member = calledMember(node);
        if (member === undefined) return;
        const method = member.property.name;
        const args = node.arguments;
        const path = stringValue(args[0]);
        if (path === undefined || !path.startsWith('/') || args.length < 2) return;
        const { app, base } = appOf(member.object);
        if (method === 'route') mounts.push({ app, prefix: joinPath(base, path), sub: args[1]!, start: node.start });
        else if (HTTP_METHODS.has(method))
          routes.push({
            app,
            entry: { method: method.toUpperCase(), path: joinPath(base, path), start: member.property.start },
          });
      },
      // A local sub-app takes the prefixes its file mounts it at; routes and mounts of the others stay as they are.
      ProgramExit() {
        const locals = new Set([...bound.values(), ...bases.keys()]);
        const localMounts = new Map<string, Array<{ app: string | undefined; prefix: string }>>();
        for (const { app, prefix, sub } of mounts) {
          const name = identifierName(sub);
          if (name !== undefined && locals.has(name))
            localMounts.set(name, [...(localMounts.get(name) ?? []), { app, prefix }]);
        }
        const prefixesOf = (app: string | undefined, seen: Set<string>): string[] => {
          const into = app === undefined ? undefined : localMounts.get(app);
          if (!into || seen.has(app!)) return [''];
          seen.add(app!);
          return into.flatMap((m) => prefixesOf(m.app, seen).map((outer) => joinPath(outer, m.prefix)));
        };
        for (const { app, entry } of routes)
          for (const prefix of prefixesOf(app, new Set()))
            context.report({ kind: 'http', ...entry, path: joinPath(prefix, entry.path) });
        for (const { app, prefix, sub, start } of mounts) {
          const name = identifierName(sub);
          if (name !== undefined && localMounts.has(name)) continue;
          for (const outer of prefixesOf(app, new Set())) context.mount(joinPath(outer, prefix), sub, start);
        }
      },
    };
  },
};
