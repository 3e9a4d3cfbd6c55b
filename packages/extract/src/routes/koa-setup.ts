import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import {
  callsOn,
  conditionsOf,
  conditionTest,
  importedFile,
  isFrameworkBinding,
  methodOf,
  parsed,
  usesGenerated,
  type Inputs,
} from './app-setup.ts';
import { copyExpression, type CopiedCode } from './copy-expression.ts';

/** What the monolith's Koa app does around the routers it mounts, copied for the service's route server. */
export interface KoaChain {
  /** The file that creates the app (`new Koa()`) and mounts the routers. */
  file: string;
  /** The app's variable in that file: the copies use it by that name. */
  app: string;
  /** The app's setup before the first router that reaches the service's routes, in source order. */
  before: KoaStep[];
  /** And after it. */
  after: KoaStep[];
  /** What could not be copied, one line each, at the file's line. */
  notes: string[];
}

/** One statement of the app's setup (`app.use(...)`, `app.keys = ...`, `setup(app)`), under the app's own `if` tests. */
export type KoaStep = CopiedCode & { condition?: string };

// The name an argument of `use` starts from: `routes` for `routes`, `routes.routes()`, `api.router.middleware()`.
function rootName(node: Node): string | undefined {
  if (Node.isIdentifier(node)) return node.getText();
  if (Node.isCallExpression(node)) return rootName(node.getExpression());
  if (Node.isPropertyAccessExpression(node)) return rootName(node.getExpression());
  return undefined;
}

// The app's setup beside its `use` calls, in the block that mounts the routers: `app.keys = [...]`,
// `app.proxy = true`, `require('./schemas')(app)` (a module's function given the app).
function setupStatements(mount: CallExpression, app: string): Node[] {
  const block = mount.getFirstAncestorByKind(SyntaxKind.ExpressionStatement)?.getParent();
  if (!block || !Node.isStatemented(block)) return [];
  return block.getStatements().flatMap((statement): Node[] => {
    if (!Node.isExpressionStatement(statement)) return [];
    const expression = statement.getExpression();
    if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      const left = expression.getLeft();
      return Node.isPropertyAccessExpression(left) && left.getExpression().getText() === app ? [expression] : [];
    }
    if (!Node.isCallExpression(expression)) return [];
    const callee = expression.getExpression();
    const onApp = Node.isPropertyAccessExpression(callee) && callee.getExpression().getText() === app;
    return !onApp && expression.getArguments().some((arg) => arg.getText() === app) ? [expression] : [];
  });
}

/**
 * The Koa app that mounts the service's routers: the file whose `new Koa()` app has a `use(...)` of a router that
 * reaches a route entry (`app.use(routes.routes())`), and its setup around that mount, copied. Undefined when no
 * file of the project does.
 */
export function koaChain(inputs: Inputs): KoaChain | undefined {
  const files = new Set(inputs.files);
  for (const { path, file } of parsed(inputs, /\brequire\(\s*['"]koa['"]\s*\)|\bfrom\s*['"]koa['"]/)) {
    for (const created of file.getDescendantsOfKind(SyntaxKind.NewExpression)) {
      const holder = created.getParentIfKind(SyntaxKind.VariableDeclaration);
      if (!holder || !isFrameworkBinding(file, created.getExpression(), 'koa')) continue;
      const app = holder.getName();
      const uses = callsOn(file, app).filter((call) => methodOf(call) === 'use');
      const mounts = (call: CallExpression) =>
        call.getArguments().some((arg) => {
          const name = rootName(arg);
          const from = name && importedFile(file, path, name, files);
          return from !== undefined && inputs.reaches.has(from);
        });
      const mount = uses.find(mounts);
      if (!mount) continue;
      const chain: KoaChain = { file: path, app, before: [], after: [], notes: [] };
      // Setup after the mount is left alone: that is where an app file starts its server (\`listen(app)\`).
      const setups = setupStatements(mount, app).filter((node) => node.getStart() < mount.getStart());
      const steps = [...uses, ...setups].sort((a, b) => a.getStart() - b.getStart());
      for (const step of steps) {
        const use = Node.isCallExpression(step) && uses.includes(step) ? step : undefined;
        if (use && (mounts(use) || usesGenerated(use, file, path, inputs))) continue;
        const conditions = Node.isCallExpression(step) ? conditionsOf(step) : [];
        const keep = new Set([app]);
        const copies = [...conditions.map((c) => c.test), ...(use ? use.getArguments() : [step])].map((node) =>
          copyExpression(node, path, inputs.target, new Set(), keep),
        );
        const failed = copies.find((c): c is { reason: string } => 'reason' in c);
        if (failed) {
          const what = use ? `${app}.use(...)` : step.getText().split('\n')[0]!.slice(0, 60);
          chain.notes.push(`${path}:${step.getStartLineNumber()} \`${what}\` is not applied: ${failed.reason}`);
          continue;
        }
        const done = copies as CopiedCode[];
        const test = conditionTest(done, conditions);
        const body = done.slice(conditions.length).map((c) => c.code);
        (step.getStart() < mount.getStart() ? chain.before : chain.after).push({
          code: use ? `${app}.use(${body.join(', ')})` : body[0]!,
          imports: done.flatMap((c) => c.imports),
          ...(test ? { condition: test } : {}),
        });
      }
      return chain;
    }
  }
  return undefined;
}
