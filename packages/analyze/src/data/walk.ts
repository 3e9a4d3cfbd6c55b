import type { DataAccess, DataModel } from '@seams/graph';
import {
  createLazyVisitor,
  type AnyNode,
  type LazyHandlers,
  type LazyNode,
  type LazyProgram,
  type LazyVisitor,
} from '../ast/lazy-ast.ts';
import { memberName } from '../ast/node-values.ts';
import type { LineIndex } from '../line-index.ts';
import { enabledDetectors } from './enabled-detectors.ts';
import type { DetectorHooks, FoundAccess, FoundModel } from './types.ts';

/** An access as a file's facts keep it: `tentative` until the tables step checks the name against every declaration. */
type FileDataAccess = Omit<DataAccess, 'from'> & { tentative?: true; via?: FoundAccess['via'] };
type FileDataModel = Omit<DataModel, 'from'> & { keysOnly?: true };

type HookName = Exclude<keyof DetectorHooks, 'finish'>;
const HOOKS: HookName[] = [
  'CallExpression',
  'VariableDeclarator',
  'Function',
  'StringLiteral',
  'TemplateLiteral',
  'NewExpression',
  'Class',
  'Decorator',
  'PropertyDefinition',
  'FormalParameters',
];

/** One file's walk: the enabled detectors' hooks and where in the file the walk is. */
interface FileWalk {
  hooks: DetectorHooks[];
  /** Enclosing function names, innermost last; anonymous callbacks repeat the name around them. */
  functions: Array<string | undefined>;
  classes: string[];
  /** Names that a function starting at this offset takes from where it is declared (`const f = () =>`, a method). */
  pending: Map<number, string>;
}

interface Walker {
  current: FileWalk;
}

const emptyWalk = (): FileWalk => ({ hooks: [], functions: [undefined], classes: [], pending: new Map() });

/** Finds table accesses and model declarations, file by file, for one analyze run. */
export interface DataWalker {
  /**
   * The table reads and writes and the model declarations in one parsed file, by line; empty when no detector applies.
   */
  find(program: LazyProgram, text: string, lines: LineIndex): { accesses: FileDataAccess[]; models: FileDataModel[] };
}

/**
 * A walker for one analyze run. Building a lazy visitor costs more than a small file's walk, so it keeps one per
 * set of hooks the enabled detectors use, each visiting only the node types it needs: a file only the SQL detector
 * reads never has its calls, parameters or decorators built. The visitors read the file being walked from
 * `walker.current`, which `find` sets for the length of one walk.
 */
export function createDataWalker(): DataWalker {
  const visitors = new Map<string, LazyVisitor>();
  // The file being walked; between walks, an empty one.
  const walker: Walker = { current: emptyWalk() };
  const visitorFor = (hooks: readonly DetectorHooks[]): LazyVisitor => {
    const used = HOOKS.filter((hook) => hooks.some((h) => hook in h));
    const key = used.join(',');
    let visitor = visitors.get(key);
    if (!visitor) visitors.set(key, (visitor = createVisitor(new Set(used), walker)));
    return visitor;
  };
  return {
    find(program, text, lines) {
      const enabled = enabledDetectors(text);
      if (enabled.length === 0) return { accesses: [], models: [] };
      const found: Array<FoundAccess & { detector: string }> = [];
      const declared: Array<FoundModel & { detector: string }> = [];
      const walk = emptyWalk();
      walk.hooks = enabled.map((detector) =>
        detector.create({
          text,
          report: (access) => found.push({ ...access, detector: detector.name }),
          declare: (model) => declared.push({ ...model, detector: detector.name }),
          functionName: () => walk.functions[walk.functions.length - 1],
        }),
      );
      walker.current = walk;
      try {
        program.visit(visitorFor(walk.hooks));
      } finally {
        walker.current = emptyWalk();
      }
      for (const hooks of walk.hooks) hooks.finish?.();
      return { accesses: accessesByLine(found, lines), models: modelsByLine(declared, lines) };
    },
  };
}

function accessesByLine(found: Array<FoundAccess & { detector: string }>, lines: LineIndex): FileDataAccess[] {
  return found
    .map(({ table, access, start, lineOffset, function: fn, detector, tentative, via }) => ({
      line: lines.lineOf(start) + (lineOffset ?? 0),
      table,
      access,
      detector,
      ...(fn ? { function: fn } : {}),
      ...(tentative ? { tentative: true as const } : {}),
      ...(via ? { via } : {}),
    }))
    .sort((a, b) => a.line - b.line);
}

function modelsByLine(declared: Array<FoundModel & { detector: string }>, lines: LineIndex): FileDataModel[] {
  return declared
    .map(({ name, table, start, detector, references, keysOnly }) => ({
      line: lines.lineOf(start),
      name,
      table,
      detector,
      ...(references?.length ? { references } : {}),
      ...(keysOnly ? { keysOnly: true as const } : {}),
    }))
    .sort((a, b) => a.line - b.line);
}

const isFunction = (
  node: AnyNode | null | undefined,
): node is LazyNode<'ArrowFunctionExpression' | 'FunctionExpression'> =>
  node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';

function createVisitor(used: ReadonlySet<HookName>, walker: Walker): LazyVisitor {
  const file = () => walker.current;
  const top = (walk: FileWalk) => walk.functions[walk.functions.length - 1];
  const enterFunction = (node: AnyNode & { start: number }, own: string | undefined) => {
    const walk = file();
    walk.functions.push(own ?? walk.pending.get(node.start) ?? top(walk));
  };
  const exitFunction = () => void file().functions.pop();
  const methodOf = (walk: FileWalk, key: AnyNode) => `${walk.classes[walk.classes.length - 1]}.${memberName(key)}`;
  const each = () => file().hooks;
  // Only the hooks some enabled detector has: a node type no handler names is never built.
  const handlers: LazyHandlers = {};
  if (used.has('CallExpression')) handlers.CallExpression = (node) => each().forEach((h) => h.CallExpression?.(node));
  if (used.has('StringLiteral')) handlers.StringLiteral = (node) => each().forEach((h) => h.StringLiteral?.(node));
  if (used.has('TemplateLiteral'))
    handlers.TemplateLiteral = (node) => each().forEach((h) => h.TemplateLiteral?.(node));
  if (used.has('NewExpression')) handlers.NewExpression = (node) => each().forEach((h) => h.NewExpression?.(node));
  if (used.has('Decorator')) handlers.Decorator = (node) => each().forEach((h) => h.Decorator?.(node));
  if (used.has('FormalParameters'))
    handlers.FormalParameters = (node) => each().forEach((h) => h.FormalParameters?.(node));
  return createLazyVisitor({
    ...handlers,
    // Enclosing function names, which every detector reports accesses by.
    Function(node) {
      enterFunction(
        node,
        node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' ? node.id?.name : undefined,
      );
      if (used.has('Function')) for (const hooks of each()) hooks.Function?.(node);
    },
    'Function:exit': exitFunction,
    ArrowFunctionExpression: (node) => enterFunction(node, undefined),
    'ArrowFunctionExpression:exit': exitFunction,
    VariableDeclarator(node) {
      if (node.id.type === 'BindingIdentifier' && (isFunction(node.init) || node.init?.type === 'ClassExpression'))
        file().pending.set(node.init.start, node.id.name);
      if (used.has('VariableDeclarator')) for (const hooks of each()) hooks.VariableDeclarator?.(node);
    },
    // CommonJS names its functions by assignment: `exports.purge = () => ...`, `module.exports.purge = function () {}`.
    AssignmentExpression(node) {
      if (isFunction(node.right) && node.left.type === 'StaticMemberExpression')
        file().pending.set(node.right.start, node.left.property.name);
    },
    Class(node) {
      const walk = file();
      walk.classes.push(node.id?.name ?? walk.pending.get(node.start) ?? '(anonymous class)');
      if (used.has('Class')) for (const hooks of each()) hooks.Class?.(node);
    },
    'Class:exit': () => void file().classes.pop(),
    MethodDefinition(node) {
      const walk = file();
      walk.pending.set(node.value.start, methodOf(walk, node.key));
    },
    PropertyDefinition(node) {
      const walk = file();
      if (isFunction(node.value)) walk.pending.set(node.value.start, methodOf(walk, node.key));
      if (used.has('PropertyDefinition')) for (const hooks of each()) hooks.PropertyDefinition?.(node);
    },
  });
}
