import * as oxc from 'oxc-parser';
import type { ImportFact, ReexportFact } from './facts.ts';
import type { LineIndex } from './line-index.ts';

// The lazy visitor ships in oxc-parser's JS but not yet in its type declarations.
const { experimentalGetLazyVisitor } = oxc as unknown as {
  experimentalGetLazyVisitor: () => new (visitor: object) => unknown;
};

/** A node of oxc's lazy AST, as far as this walk reads it (ESTree-shaped, oxc's type names). */
interface Node {
  type: string;
  start: number;
  end: number;
  name?: string;
  value?: string;
  callee?: Node;
  arguments?: Node[];
  object?: Node;
  property?: Node;
  left?: Node;
  right?: Node;
  id?: Node | null;
  init?: Node | null;
  key?: Node;
  computed?: boolean;
  argument?: Node;
  properties?: Node[];
  expressions?: unknown[];
  quasis?: Array<{ value: { cooked: string } }>;
  source?: Node;
  qualifier?: Node | null;
  moduleReference?: Node & { expression?: Node };
}

interface Walk {
  visitor: unknown;
  addName(call: number, name: string): void;
  text: string;
  imports: ImportFact[];
  starts: number[];
  /** Names a require call's result is read for, by the call's offset: `const { a } = require()`, `require().a`. */
  namesByCall: Map<number, string[]>;
  /** `const svc = require('./x')`: the binding's name -> the call's offset, and the members read off each name. */
  bound: Map<string, number>;
  members: Map<string, Set<string>>;
  exports: Set<string>;
  reexports: ReexportFact[];
}

/** What the walk adds to a file's facts: module references with their offsets, CommonJS exports. */
export interface CommonJsFacts {
  imports: ImportFact[];
  localExports: string[];
  reexports: ReexportFact[];
}

interface Walkable {
  visit(visitor: unknown): void;
}

let walk: Walk | undefined;

/**
 * `require()` calls (with the names read from their result), `import('./x').T` type references,
 * `import x = require()`, and CommonJS exports: `module.exports = { a, b }`, `exports.a =`,
 * `module.exports.a =`, `module.exports = function name`, `module.exports = require('./x')`.
 */
export function readCommonJs(result: Walkable, text: string, lines: LineIndex): CommonJsFacts {
  walk ??= createWalk();
  walk.text = text;
  walk.imports = [];
  walk.starts = [];
  walk.namesByCall = new Map();
  walk.bound = new Map();
  walk.members = new Map();
  walk.exports = new Set();
  walk.reexports = [];
  result.visit(walk.visitor);
  const { imports, starts, namesByCall, bound, members } = walk;
  // `svc.createUser()` after `const svc = require('./x')` reads `createUser` (no scope analysis: a shadowing
  // local of the same name would add names, never drop the edge).
  for (const [name, call] of bound) for (const member of members.get(name) ?? []) walk.addName(call, member);
  imports.forEach((fact, i) => {
    fact.line = lines.lineOf(starts[i]!);
    if (fact.kind === 'require' && !fact.computed) fact.names = namesByCall.get(starts[i]!) ?? ['*'];
  });
  return { imports, localExports: [...walk.exports], reexports: walk.reexports };
}

const literal = (node: Node | undefined): string | undefined => {
  if (node?.type === 'StringLiteral') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions!.length === 0) return node.quasis![0]!.value.cooked;
  return undefined;
};

const isRequire = (node: Node | null | undefined): boolean =>
  node?.type === 'CallExpression' &&
  node.callee!.type === 'IdentifierReference' &&
  node.callee!.name === 'require' &&
  node.arguments!.length === 1;

/** The specifier of `require('./x')`, undefined for anything else. */
const requiredSpecifier = (node: Node | null | undefined) =>
  isRequire(node) ? literal(node!.arguments![0]) : undefined;

// `require('./x') as typeof import('./x')`, `(require('./x'))`: the same call.
function unwrap(node: Node | null | undefined): Node | null | undefined {
  let current = node;
  while (
    current &&
    (current.type === 'TSAsExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'ParenthesizedExpression')
  )
    current = (current as Node & { expression: Node }).expression;
  return current;
}

const isIdentifier = (node: Node | undefined, name: string) =>
  node?.type === 'IdentifierReference' && node.name === name;

const isModuleExports = (node: Node | undefined) =>
  node?.type === 'StaticMemberExpression' && isIdentifier(node.object, 'module') && node.property!.name === 'exports';

const keyName = (property: Node) =>
  property.computed ? undefined : property.key!.type === 'StringLiteral' ? property.key!.value : property.key!.name;

function createWalk(): Walk {
  const state = { text: '' } as Walk;
  const addName = (state.addName = (call: number, name: string) => {
    const names = state.namesByCall.get(call);
    if (!names) state.namesByCall.set(call, [name]);
    else if (!names.includes(name)) names.push(name);
  });
  const found = (fact: Omit<ImportFact, 'line'>, start: number) => {
    state.imports.push({ ...fact, line: 0 });
    state.starts.push(start);
  };
  // `module.exports = value`: the names a consumer can read from it.
  const exportValue = (value: Node) => {
    const specifier = requiredSpecifier(value);
    if (specifier !== undefined) {
      state.reexports.push({ specifier, importName: '*', exportName: null });
      return;
    }
    if (value.type === 'ObjectExpression') {
      for (const property of value.properties!) {
        if (property.type === 'SpreadElement') {
          const spread = requiredSpecifier(property.argument);
          if (spread !== undefined) state.reexports.push({ specifier: spread, importName: '*', exportName: null });
          continue;
        }
        const name = keyName(property);
        if (name !== undefined) exportName(name, (property as Node & { value: Node }).value);
      }
      return;
    }
    state.exports.add('default');
    const own = value.type === 'IdentifierReference' ? value.name : value.id?.name;
    if (own) state.exports.add(own);
  };
  // `exports.name = value`: a namespace re-export when the value is a whole required module.
  const exportName = (name: string, value: Node) => {
    const specifier = requiredSpecifier(value);
    if (specifier !== undefined) state.reexports.push({ specifier, importName: '*', exportName: name });
    else state.exports.add(name);
  };
  const Visitor = experimentalGetLazyVisitor();
  state.visitor = new Visitor({
    CallExpression(node: Node) {
      if (!isRequire(node)) return;
      const argument = node.arguments![0]!;
      const specifier = literal(argument);
      if (specifier !== undefined) found({ specifier, kind: 'require', names: ['*'] }, node.start);
      else
        found(
          { specifier: state.text.slice(argument.start, argument.end), kind: 'require', names: ['*'], computed: true },
          node.start,
        );
    },
    VariableDeclarator(node: Node) {
      const init = unwrap(node.init);
      if (!isRequire(init)) return;
      const call = init!.start;
      if (node.id!.type === 'BindingIdentifier') state.bound.set(node.id!.name!, call);
      if (node.id!.type !== 'ObjectPattern') return;
      for (const property of node.id!.properties!) addName(call, keyName(property) ?? '*');
      // `const { a, ...rest } = require()`: the rest takes every other name.
      if (state.text.slice(node.id!.start, node.id!.end).includes('...')) addName(call, '*');
    },
    StaticMemberExpression(node: Node) {
      const object = node.object!;
      if (isRequire(object)) addName(object.start, node.property!.name!);
      else if (object.type === 'IdentifierReference') {
        const read = state.members.get(object.name!);
        if (read) read.add(node.property!.name!);
        else state.members.set(object.name!, new Set([node.property!.name!]));
      }
    },
    AssignmentExpression(node: Node) {
      const left = node.left!;
      if (left.type !== 'StaticMemberExpression') return;
      if (isModuleExports(left)) exportValue(node.right!);
      else if (isIdentifier(left.object, 'exports') || isModuleExports(left.object))
        exportName(left.property!.name!, node.right!);
    },
    // `type T = import('./x').T`: a type-level dependency the module record does not list.
    TSImportType(node: Node) {
      const specifier = literal(node.source);
      if (specifier === undefined) return;
      const name = node.qualifier?.type === 'IdentifierName' ? node.qualifier.name : undefined;
      found({ specifier, kind: 'type', names: [name ?? '*'] }, node.start);
    },
    TSImportEqualsDeclaration(node: Node) {
      const reference = node.moduleReference!;
      if (reference.type !== 'TSExternalModuleReference' || !reference.expression) return;
      found({ specifier: reference.expression.value!, kind: 'require', names: ['*'] }, node.start);
      // `import round = require('./round')`, then `round.roundCents()`: read like a required binding.
      if (node.id?.name) state.bound.set(node.id.name, node.start);
    },
  });
  return state;
}
