import type { AnyNode } from '../../ast/lazy-ast.ts';
import { identifierName, propertyValue, stringValue } from '../ast.ts';
import type { Autoload } from '../types.ts';

/**
 * `register(autoLoad, { dir: path.join(__dirname, 'routes'), options: { prefix: '/api' }, dirNameRoutePrefix })`:
 * the folder (relative to the registering file), the literal prefix autoload passes each plugin, and whether
 * folder names prefix the routes. Undefined when `dir` is not written from `__dirname` and literals.
 */
export function autoloadOf(options: AnyNode | undefined): Omit<Autoload, 'line'> | undefined {
  const dir = folderOf(propertyValue(options, 'dir'));
  if (dir === undefined) return undefined;
  const dirNames = propertyValue(options, 'dirNameRoutePrefix');
  return {
    dir,
    prefix: stringValue(propertyValue(propertyValue(options, 'options'), 'prefix')) ?? '',
    dirNamePrefix: !(dirNames?.type === 'BooleanLiteral' && !dirNames.value),
  };
}

// The registering file's folder: CommonJS's `__dirname`, or an ES module's `import.meta.dirname` (Node 20.11 on),
// a node the lazy AST's types leave out, hence the plain read of its fields.
function isOwnFolder(node: AnyNode | undefined): boolean {
  if (identifierName(node) === '__dirname') return true;
  if (node?.type !== 'StaticMemberExpression' || node.property.name !== 'dirname') return false;
  const object = node.object as { type?: string; meta?: { name?: string }; property?: { name?: string } };
  // oxc's own node for `import.meta` (ESTree's MetaProperty `import` . `meta`).
  return (
    object.type === 'ImportMeta' ||
    (object.type === 'MetaProperty' && object.meta?.name === 'import' && object.property?.name === 'meta')
  );
}

// `path.join(__dirname, 'routes')`, `resolve(__dirname, 'a', 'b')`, `` `${__dirname}/routes` ``, or from `import.meta.dirname`.
function folderOf(node: AnyNode | undefined): string | undefined {
  if (node?.type === 'TemplateLiteral') {
    const [head, tail] = node.quasis;
    if (node.quasis.length !== 2 || head?.value.cooked !== '' || !isOwnFolder(node.expressions[0])) return undefined;
    return relativeFolder([tail?.value.cooked ?? '']);
  }
  if (node?.type !== 'CallExpression') return undefined;
  const callee =
    node.callee.type === 'StaticMemberExpression' ? node.callee.property.name : identifierName(node.callee);
  if ((callee !== 'join' && callee !== 'resolve') || !isOwnFolder(node.arguments[0])) return undefined;
  const parts = node.arguments.slice(1).map((argument) => stringValue(argument));
  // `resolve(__dirname, '/srv')` starts again from an absolute part: not a folder of the app's.
  if (parts.some((part) => part === undefined || (callee === 'resolve' && part.startsWith('/')))) return undefined;
  return relativeFolder(parts as string[]);
}

// Parts joined as `path.join` does, as a folder relative to `__dirname` ('routes', '../plugins').
function relativeFolder(parts: string[]): string {
  const segments: string[] = [];
  for (const segment of parts.flatMap((part) => part.split('/'))) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments.at(-1) !== '..') segments.pop();
    else segments.push(segment);
  }
  return segments.length === 0 ? '.' : segments.join('/');
}
