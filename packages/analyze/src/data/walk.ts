import type { DataAccess, DataModel } from '@seams/graph';
import * as oxc from 'oxc-parser';
import type { LineIndex } from '../line-index.ts';
import { BUILTIN_GLOBALS } from './builtin-globals.ts';
import { DATA_DETECTORS } from './index.ts';
import type { AstNode, DetectorHooks, FoundAccess, FoundModel } from './types.ts';

/** An access as a file's facts keep it: `tentative` until the tables step checks the name against every declaration. */
export type FileDataAccess = Omit<DataAccess, 'from'> & { tentative?: true; via?: FoundAccess['via'] };
export type FileDataModel = Omit<DataModel, 'from'>;

interface Walkable {
  visit(visitor: unknown): void;
}

// The lazy visitor ships in oxc-parser's JS but not yet in its type declarations.
const { experimentalGetLazyVisitor } = oxc as unknown as {
  experimentalGetLazyVisitor: () => new (visitor: object) => unknown;
};

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

interface WalkState {
  hooks: DetectorHooks[];
  /** Enclosing function names, innermost last; anonymous callbacks repeat the name around them. */
  functions: Array<string | undefined>;
  classes: string[];
  /** Names that a function starting at this offset takes from where it is declared (`const f = () =>`, a method). */
  pending: Map<number, string>;
}

// One visitor per set of hooks the enabled detectors use (building one costs more than a small file's
// walk), each visiting only the node types it needs: a file only the SQL detector reads never has its
// calls, parameters or decorators built.
const state: WalkState = { hooks: [], functions: [undefined], classes: [], pending: new Map() };
const visitors = new Map<string, unknown>();

const STATIC_CALL = new RegExp(
  String.raw`\.(${[...new Set(DATA_DETECTORS.flatMap((detector) => detector.staticMethods ?? []))].join('|')})\(`,
  'g',
);
const CLASS_LIKE_BEFORE = /(?:^|[^\w$.])([A-Z][\w$]*)$/;

/** The model statics called on a class-like name in a file (`User.findOne(` gives `findOne`), not on a builtin (`Object.create(`). */
function staticCallsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(STATIC_CALL)) {
    const receiver = CLASS_LIKE_BEFORE.exec(text.slice(Math.max(0, match.index - 64), match.index))?.[1];
    if (receiver !== undefined && !BUILTIN_GLOBALS.has(receiver)) found.add(match[1]!);
  }
  return found;
}

/** The table reads and writes and the model declarations in one parsed file, by line; empty when no detector's test passes. */
export function findDataAccesses(
  result: Walkable,
  text: string,
  lines: LineIndex,
): { accesses: FileDataAccess[]; models: FileDataModel[] } {
  let statics: Set<string> | undefined;
  const callsStatic = (methods: readonly string[]) =>
    methods.some((method) => (statics ??= staticCallsIn(text)).has(method));
  const enabled = DATA_DETECTORS.filter(
    (detector) =>
      detector.isEnabled(text) || (detector.staticMethods !== undefined && callsStatic(detector.staticMethods)),
  );
  if (enabled.length === 0) return { accesses: [], models: [] };
  const found: Array<FoundAccess & { detector: string }> = [];
  const declared: Array<FoundModel & { detector: string }> = [];
  state.functions = [undefined];
  state.classes = [];
  state.pending = new Map();
  state.hooks = enabled.map((detector) =>
    detector.create({
      text,
      report: (access) => found.push({ ...access, detector: detector.name }),
      declare: (model) => declared.push({ ...model, detector: detector.name }),
      functionName: () => state.functions[state.functions.length - 1],
    }),
  );
  result.visit(visitorFor(state.hooks));
  for (const hooks of state.hooks) hooks.finish?.();
  state.hooks = [];
  const accesses = found
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
  const models = declared
    .map(({ name, table, start, detector, references }) => ({
      line: lines.lineOf(start),
      name,
      table,
      detector,
      ...(references?.length ? { references } : {}),
    }))
    .sort((a, b) => a.line - b.line);
  return { accesses, models };
}

function visitorFor(hooks: readonly DetectorHooks[]): unknown {
  const used = HOOKS.filter((hook) => hooks.some((h) => hook in h));
  const key = used.join(',');
  let visitor = visitors.get(key);
  if (!visitor) visitors.set(key, (visitor = createVisitor(new Set(used))));
  return visitor;
}

function createVisitor(used: ReadonlySet<HookName>): unknown {
  const top = () => state.functions[state.functions.length - 1];
  const enterFunction = (node: AstNode) => {
    const own = node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' ? node.id?.name : undefined;
    state.functions.push(own ?? state.pending.get(node.start) ?? top());
  };
  const exitFunction = () => void state.functions.pop();
  const member = (key: AstNode) =>
    key.type === 'StringLiteral' ? (key.value as string) : key.type === 'PrivateIdentifier' ? `#${key.name}` : key.name;
  const dispatch = (hook: HookName) => (node: AstNode) => {
    for (const hooks of state.hooks) hooks[hook]?.(node);
  };
  const noop = () => {};
  const call = (hook: HookName) => (used.has(hook) ? dispatch(hook) : noop);
  const isFunction = (node: AstNode | null | undefined) =>
    node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
  const hooksOnly = Object.fromEntries([...used].map((hook) => [hook, dispatch(hook)]));
  const [onFunction, onDeclarator, onClass, onProperty] = [
    call('Function'),
    call('VariableDeclarator'),
    call('Class'),
    call('PropertyDefinition'),
  ];
  const Visitor = experimentalGetLazyVisitor();
  return new Visitor({
    ...hooksOnly,
    // Enclosing function names, which every detector reports accesses by.
    Function(node: AstNode) {
      enterFunction(node);
      onFunction(node);
    },
    'Function:exit': exitFunction,
    ArrowFunctionExpression: enterFunction,
    'ArrowFunctionExpression:exit': exitFunction,
    VariableDeclarator(node: AstNode) {
      if (
        node.id?.type === 'BindingIdentifier' &&
        node.init &&
        (isFunction(node.init) || node.init.type === 'ClassExpression')
      )
        state.pending.set(node.init.start, node.id.name!);
      onDeclarator(node);
    },
    // CommonJS names its functions by assignment: `exports.purge = () => ...`, `module.exports.purge = function () {}`.
    AssignmentExpression(node: AstNode & { left: AstNode; right: AstNode }) {
      if (isFunction(node.right) && node.left.type === 'StaticMemberExpression')
        state.pending.set(node.right.start, node.left.property!.name!);
    },
    Class(node: AstNode) {
      state.classes.push(node.id?.name ?? state.pending.get(node.start) ?? '(anonymous class)');
      onClass(node);
    },
    'Class:exit': () => void state.classes.pop(),
    MethodDefinition(node: AstNode & { key: AstNode; value: AstNode }) {
      state.pending.set(node.value.start, `${state.classes[state.classes.length - 1]}.${member(node.key)}`);
    },
    PropertyDefinition(node: AstNode & { key: AstNode; value: AstNode | null }) {
      if (isFunction(node.value))
        state.pending.set(node.value!.start, `${state.classes[state.classes.length - 1]}.${member(node.key)}`);
      onProperty(node);
    },
  });
}
