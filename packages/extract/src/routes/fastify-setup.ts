import { posix } from 'node:path';
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
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

/** What the monolith's Fastify app registers around the route plugins it registers, copied for the route server. */
export interface FastifyChain {
  /** The file that creates the app (`Fastify()`) and registers the route plugins. */
  file: string;
  /** The app's variable in that file: the copies use it by that name. */
  app: string;
  /** The app's calls that shape every request (plugins, decorators, hooks, its error handler), in source order. */
  steps: Array<CopiedCode & { condition?: string; awaits?: true }>;
  /** What could not be copied, one line each, at the file's line. */
  notes: string[];
  /**
   * A step registers the monolith's own plugin that autoloads the route folder (its setup with it, with the
   * options the app gives it): the route server registers that plugin whole rather than the route files.
   */
  wraps?: true;
}

// The calls on a Fastify instance that set up what route plugins rely on; routes, listening and the like do not.
const SETUP = new Set([
  'register',
  'decorate',
  'decorateRequest',
  'decorateReply',
  'addHook',
  'setErrorHandler',
  'addContentTypeParser',
  'addSchema',
  'setValidatorCompiler',
  'setSerializerCompiler',
  'setReplySerializer',
  'setSchemaErrorFormatter',
]);

const AUTOLOAD_MODULE =
  /^(?:require\(\s*['"](?:@fastify\/autoload|fastify-autoload)['"]\s*\)|['"](?:@fastify\/autoload|fastify-autoload)['"])$/;

const OWN_FOLDER = /^(?:__dirname|import\.meta\.dirname)$/;
const FASTIFY_PLUGIN = /^['"]fastify-plugin['"]$|^require\(\s*['"]fastify-plugin['"]\s*\)$/;

/**
 * The plugin a `register(...)` call registers, as a name: `register(routes)`, or `register(fp(app))`, the
 * monolith's plugin wrapped by fastify-plugin (so what it sets up is not encapsulated, as a composition root does).
 */
function registeredName(file: SourceFile, call: CallExpression): string | undefined {
  const [plugin] = call.getArguments();
  if (plugin && Node.isIdentifier(plugin)) return plugin.getText();
  if (!plugin || !Node.isCallExpression(plugin) || plugin.getArguments().length !== 1) return undefined;
  const [wrapped] = plugin.getArguments();
  const wrapper = plugin.getExpression().getText();
  const isFastifyPlugin =
    file
      .getImportDeclarations()
      .some(
        (d) => FASTIFY_PLUGIN.test(`'${d.getModuleSpecifierValue()}'`) && d.getDefaultImport()?.getText() === wrapper,
      ) ||
    file
      .getDescendantsOfKind(SyntaxKind.VariableDeclaration)
      .some((d) => d.getName() === wrapper && FASTIFY_PLUGIN.test(d.getInitializer()?.getText() ?? ''));
  return isFastifyPlugin && wrapped && Node.isIdentifier(wrapped) ? wrapped.getText() : undefined;
}

/**
 * The folder (from the project's root) that `register(autoLoad, { dir: path.join(__dirname, 'routes') })` loads,
 * when the plugin is @fastify/autoload (required inline, or a name bound to it) and `dir` is `__dirname` joined
 * with literals; undefined otherwise. Another registration of autoload (its plugins folder) is setup, copied
 * with `__dirname` moved to the monolith's folder.
 */
function autoloadFolder(file: SourceFile, path: string, call: CallExpression): string | undefined {
  const [plugin, options] = call.getArguments();
  if (!plugin || !Node.isObjectLiteralExpression(options)) return undefined;
  const name = plugin.getText();
  const bound =
    AUTOLOAD_MODULE.test(name) ||
    file
      .getImportDeclarations()
      .some(
        (d) => AUTOLOAD_MODULE.test(`'${d.getModuleSpecifierValue()}'`) && d.getDefaultImport()?.getText() === name,
      ) ||
    file
      .getDescendantsOfKind(SyntaxKind.VariableDeclaration)
      .some((d) => d.getName() === name && AUTOLOAD_MODULE.test(d.getInitializer()?.getText() ?? ''));
  const dir = options.getProperty('dir');
  const value = dir && Node.isPropertyAssignment(dir) ? dir.getInitializer() : undefined;
  if (!bound || !value || !Node.isCallExpression(value)) return undefined;
  const [base, ...parts] = value.getArguments();
  // The registering file's folder: CommonJS's `__dirname`, or an ES module's `import.meta.dirname` (Node 20.11 on).
  if (!OWN_FOLDER.test(base?.getText() ?? '') || !/(?:^|\.)(?:join|resolve)$/.test(value.getExpression().getText()))
    return undefined;
  const literals = parts.map((part) => (Node.isStringLiteral(part) ? part.getLiteralValue() : undefined));
  if (literals.some((part) => part === undefined || part.startsWith('/'))) return undefined;
  return posix.join(posix.dirname(path), ...(literals as string[]));
}

/**
 * The Fastify app that registers the service's route plugins: the file whose `Fastify()` app has a
 * `register(...)` of a plugin that reaches a route entry, and its other setup calls (plugins such as a
 * fastify-plugin that decorates the instance, hooks, its error handler), copied. Undefined when no file does.
 */
export function fastifyChain(inputs: Inputs): FastifyChain | undefined {
  const files = new Set(inputs.files);
  const sources = parsed(inputs, /\bfastify\b/);
  // A project file whose plugin registers route plugins itself (an app plugin): a plugin it imports from a file
  // that reaches the route files, or @fastify/autoload of their folder.
  const loadsRoutes = (from: string) => {
    const source = sources.find((s) => s.path === from);
    return (
      source !== undefined &&
      source.file.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
        if (methodOf(call) !== 'register') return false;
        const plugin = registeredName(source.file, call);
        const file = plugin && importedFile(source.file, from, plugin, files);
        if (typeof file === 'string' && file !== from && inputs.reaches.has(file)) return true;
        const folder = autoloadFolder(source.file, from, call);
        return folder !== undefined && [...inputs.reaches].some((reached) => reached.startsWith(`${folder}/`));
      })
    );
  };
  for (const { path, file } of sources) {
    for (const created of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const holder = created.getParentIfKind(SyntaxKind.VariableDeclaration);
      if (!holder || !isFrameworkBinding(file, created.getExpression(), 'fastify')) continue;
      const app = holder.getName();
      const calls = callsOn(file, app);
      const mounts = (call: CallExpression) => {
        if (methodOf(call) !== 'register') return false;
        const plugin = registeredName(file, call);
        const from = plugin && importedFile(file, path, plugin, files);
        // A plugin that reaches the route files, or an app plugin that autoloads their folder.
        if (typeof from === 'string') return inputs.reaches.has(from) || (from !== path && loadsRoutes(from));
        // @fastify/autoload of the folder that holds route files: the route plugins are registered one by one.
        const folder = autoloadFolder(file, path, call);
        return folder !== undefined && [...inputs.reaches].some((reached) => reached.startsWith(`${folder}/`));
      };
      if (!calls.some(mounts)) continue;
      // The app plugin that loads the route folder is the app's setup: registered whole, with the same options.
      const wrapper = (call: CallExpression) => {
        const plugin = registeredName(file, call);
        const from = plugin && importedFile(file, path, plugin, files);
        return methodOf(call) === 'register' && typeof from === 'string' && loadsRoutes(from);
      };
      const chain: FastifyChain = { file: path, app, steps: [], notes: [] };
      for (const call of calls) {
        const wraps = wrapper(call);
        if (!SETUP.has(methodOf(call)) || (mounts(call) && !wraps) || usesGenerated(call, file, path, inputs)) continue;
        const conditions = conditionsOf(call);
        const copies = [...conditions.map((c) => c.test), ...call.getArguments()].map((node) =>
          copyExpression(node, path, inputs.target, new Set(), new Set([app])),
        );
        const failed = copies.find((c): c is { reason: string } => 'reason' in c);
        if (failed) {
          chain.notes.push(
            `${path}:${call.getStartLineNumber()} \`${app}.${methodOf(call)}(...)\` is not applied: ${failed.reason}`,
          );
          continue;
        }
        const done = copies as CopiedCode[];
        const test = conditionTest(done, conditions);
        const args = done.slice(conditions.length).map((c) => c.code);
        // Options computed at start (\`const config = await getConfig()\`) are computed again, awaited.
        const awaits = done.some((c) => /\bawait\b/.test(c.code));
        chain.steps.push({
          code: `${app}.${methodOf(call)}(${args.join(', ')})`,
          imports: done.flatMap((c) => c.imports),
          ...(test ? { condition: test } : {}),
          ...(awaits ? { awaits: true as const } : {}),
        });
        if (wraps) chain.wraps = true;
      }
      return chain;
    }
  }
  return undefined;
}
