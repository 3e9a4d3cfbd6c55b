import {
  createLazyVisitor,
  type AnyNode,
  type LazyHandlers,
  type LazyNode,
  type LazyProgram,
  type LazyVisitor,
} from './ast/lazy-ast.ts';
import { visitAround } from './ast/visit-around.ts';
import type { ImportFact, ReexportFact } from './facts.ts';
import { importCallsAt } from './import-keywords.ts';
import type { LineIndex } from './line-index.ts';

/** One file's walk: what it found so far. */
interface FileWalk {
  text: string;
  /** Where the text spells `require` and `exports`, ascending; undefined when it may spell them with escapes. */
  requireAt: number[] | undefined;
  exportsAt: number[] | undefined;
  /** Member reads whose object may be a require call or a bound name, kept until the walk knows every bound name. */
  memberReads: Array<LazyNode<'StaticMemberExpression'>>;
  /** Module references with the offset of the call or declaration naming each. */
  imports: Array<{ fact: ImportFact; start: number }>;
  /** Names a require call's result is read for, by the call's offset: `const { a } = require()`, `require().a`. */
  namesByCall: Map<number, string[]>;
  /** `const svc = require('./x')`: the binding's name -> the call's offset, and the members read off each name. */
  bound: Map<string, number>;
  members: Map<string, Set<string>>;
  exports: Set<string>;
  reexports: ReexportFact[];
}

const emptyWalk = (text: string): FileWalk => {
  // An identifier may be written with unicode escapes (`\u0065xports`): then its name is not in the text as such.
  const escaped = text.includes('\\u');
  return {
    text,
    requireAt: escaped ? undefined : occurrences(text, 'require'),
    exportsAt: escaped ? undefined : occurrences(text, 'exports'),
    memberReads: [],
    imports: [],
    namesByCall: new Map(),
    bound: new Map(),
    members: new Map(),
    exports: new Set(),
    reexports: [],
  };
};

function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) found.push(at);
  return found;
}

/** Whether `positions` (ascending, or undefined: anywhere) has one in [start, end). */
function spells(positions: number[] | undefined, start: number, end: number): boolean {
  if (!positions) return true;
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < positions.length && positions[low]! < end;
}

/** What the walk adds to a file's facts: module references with their offsets, CommonJS exports. */
interface CommonJsFacts {
  imports: ImportFact[];
  localExports: string[];
  reexports: ReexportFact[];
}

/** Reads CommonJS and type-level module references, file by file, for one analyze run. */
export interface CommonJsWalker {
  /**
   * `require()` calls (with the names read from their result), `import('./x').T` type references,
   * `import x = require()`, and CommonJS exports: `module.exports = { a, b }`, `exports.a =`,
   * `module.exports.a =`, `module.exports = function name`, `module.exports = require('./x')`.
   */
  read(program: LazyProgram, text: string, lines: LineIndex): CommonJsFacts;
}

// Entering around an offset builds a path of nodes through their getters, many times what oxc's visitor pays per
// node: it pays off where the offsets are sparse (a minified bundle with a few `require`s), not in an ordinary
// CommonJS module that spells its bound names every few lines. At most one offset per this many characters.
const CHARACTERS_PER_OFFSET = 2000;

/**
 * A walker for one analyze run. Where the text spells its words only plainly (no unicode escapes), in ASCII (so
 * oxc's offsets are the string's) and seldom, it enters only the nodes around them (ast/visit-around.ts): a first pass
 * around `require`, `exports` and `import(` finds the calls, exports and bindings, a second around `require` and the
 * bound names finds the member reads. Elsewhere oxc's visitor walks the whole file once; both call the same handlers
 * on the same nodes in the same order. The handlers read the file being walked from `walker.current`.
 */
export function createCommonJsWalker(): CommonJsWalker {
  const walker = { current: emptyWalk('') };
  // Handlers (and visitors) per set a file needs: node types without a handler are never built.
  const handlerSets = new Map<string, LazyHandlers>();
  const visitors = new Map<string, LazyVisitor>();
  const visitAll = (program: LazyProgram, key: string, handlers: LazyHandlers) => {
    let visitor = visitors.get(key);
    if (!visitor) visitors.set(key, (visitor = createLazyVisitor(handlers)));
    program.visit(visitor);
  };
  const sparse = (offsets: number[], text: string) => offsets.length * CHARACTERS_PER_OFFSET <= text.length;
  return {
    read(program, text, lines) {
      const walk = emptyWalk(text);
      // Without `require` in the text there are no require calls nor bindings to them, without `exports` no exports.
      const needs = { require: walk.requireAt?.length !== 0, exports: walk.exportsAt?.length !== 0 };
      const key = `${needs.require}${needs.exports}`;
      let handlers = handlerSets.get(key);
      if (!handlers) handlerSets.set(key, (handlers = createHandlers(walker, needs)));
      const words = [
        ...(needs.require ? (walk.requireAt ?? []) : []),
        ...(needs.exports ? (walk.exportsAt ?? []) : []),
      ];
      const first = merged(words, importCallsAt(text));
      const around = walk.requireAt !== undefined && sparse(first, text) && Buffer.byteLength(text) === text.length;
      walker.current = walk;
      try {
        if (!around) visitAll(program, key, handlers);
        else {
          const { StaticMemberExpression: memberRead, ...rest } = handlers;
          visitAround(program.program, first, rest);
          if (memberRead) {
            const names = merged(
              ['require', ...walk.bound.keys()].flatMap((name) => occurrences(text, name)),
              [],
            );
            const members = { StaticMemberExpression: memberRead };
            if (sparse(names, text)) visitAround(program.program, names, members);
            else visitAll(program, `${key}-members`, members);
          }
        }
      } finally {
        walker.current = emptyWalk('');
      }
      readMembers(walk);
      const { imports, namesByCall, bound, members } = walk;
      // `svc.createUser()` after `const svc = require('./x')` reads `createUser` (no scope analysis: a shadowing
      // local of the same name would add names, never drop the edge).
      for (const [name, call] of bound) for (const member of members.get(name) ?? []) addName(walk, call, member);
      for (const { fact, start } of imports) {
        fact.line = lines.lineOf(start);
        if (fact.kind === 'require' && !fact.computed) fact.names = namesByCall.get(start) ?? ['*'];
      }
      return { imports: imports.map(({ fact }) => fact), localExports: [...walk.exports], reexports: walk.reexports };
    },
  };
}

/** Two lists of offsets as one ascending list without repeats. */
function merged(a: number[], b: number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

// `require('./x').a` reads `a`, and `svc.a` reads it off whatever `svc` is bound to. Only a read whose object is a
// require call or a bound name counts, and both start where the member expression does: the rest are not built.
function readMembers(walk: FileWalk): void {
  const { text, memberReads } = walk;
  const names = ['require', ...walk.bound.keys()];
  for (const node of memberReads) {
    if (walk.requireAt && !names.some((name) => text.startsWith(name, node.start))) continue;
    const object = node.object;
    const property = node.property.name;
    if (isRequire(object)) addName(walk, object.start, property);
    else if (object.type === 'IdentifierReference') {
      const read = walk.members.get(object.name);
      if (read) read.add(property);
      else walk.members.set(object.name, new Set([property]));
    }
  }
}

function addName(walk: FileWalk, call: number, name: string): void {
  const names = walk.namesByCall.get(call);
  if (!names) walk.namesByCall.set(call, [name]);
  else if (!names.includes(name)) names.push(name);
}

const literal = (node: AnyNode | undefined): string | undefined => {
  if (node?.type === 'StringLiteral') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
};

type Call = LazyNode<'CallExpression'>;

const isRequire = (node: AnyNode | null | undefined): node is Call =>
  node?.type === 'CallExpression' &&
  node.callee.type === 'IdentifierReference' &&
  node.callee.name === 'require' &&
  node.arguments.length === 1;

/** The specifier of `require('./x')`, undefined for anything else. */
const requiredSpecifier = (node: AnyNode | null | undefined) =>
  isRequire(node) ? literal(node.arguments[0]) : undefined;

// `require('./x') as typeof import('./x')`, `(require('./x'))`: the same call.
function unwrap(node: AnyNode | null): AnyNode | null {
  let current = node;
  while (
    current?.type === 'TSAsExpression' ||
    current?.type === 'TSSatisfiesExpression' ||
    current?.type === 'TSNonNullExpression' ||
    current?.type === 'ParenthesizedExpression'
  )
    current = current.expression;
  return current;
}

const isIdentifier = (node: AnyNode, name: string) => node.type === 'IdentifierReference' && node.name === name;

const isModuleExports = (node: AnyNode) =>
  node.type === 'StaticMemberExpression' && isIdentifier(node.object, 'module') && node.property.name === 'exports';

const keyName = (property: { computed: boolean; key: AnyNode }) => {
  const key = property.key;
  if (property.computed) return undefined;
  return key.type === 'StringLiteral'
    ? key.value
    : key.type === 'IdentifierName' || key.type === 'IdentifierReference'
      ? key.name
      : undefined;
};

function createHandlers(walker: { current: FileWalk }, needs: { require: boolean; exports: boolean }): LazyHandlers {
  const found = (fact: Omit<ImportFact, 'line'>, start: number) => {
    walker.current.imports.push({ fact: { ...fact, line: 0 }, start });
  };
  // `module.exports = value`: the names a consumer can read from it.
  const exportValue = (value: AnyNode) => {
    const walk = walker.current;
    const specifier = requiredSpecifier(value);
    if (specifier !== undefined) {
      walk.reexports.push({ specifier, importName: '*', exportName: null });
      return;
    }
    if (value.type === 'ObjectExpression') {
      for (const property of value.properties) {
        if (property.type === 'SpreadElement') {
          const spread = requiredSpecifier(property.argument);
          if (spread !== undefined) walk.reexports.push({ specifier: spread, importName: '*', exportName: null });
          continue;
        }
        const name = keyName(property);
        if (name !== undefined) exportName(name, property.value);
      }
      return;
    }
    walk.exports.add('default');
    const own =
      value.type === 'IdentifierReference'
        ? value.name
        : value.type === 'FunctionExpression' || value.type === 'ClassExpression'
          ? value.id?.name
          : undefined;
    if (own) walk.exports.add(own);
  };
  // `exports.name = value`: a namespace re-export when the value is a whole required module.
  const exportName = (name: string, value: AnyNode) => {
    const specifier = requiredSpecifier(value);
    if (specifier !== undefined) walker.current.reexports.push({ specifier, importName: '*', exportName: name });
    else walker.current.exports.add(name);
  };
  // Each handler first asks whether the text spells the word its node must contain: most nodes are never read.
  const handlers: LazyHandlers = {
    // `type T = import('./x').T`: a type-level dependency the module record does not list.
    TSImportType(node) {
      const specifier = literal(node.source);
      if (specifier === undefined) return;
      const name = node.qualifier?.type === 'IdentifierName' ? node.qualifier.name : undefined;
      found({ specifier, kind: 'type', names: [name ?? '*'] }, node.start);
    },
    TSImportEqualsDeclaration(node) {
      const reference = node.moduleReference;
      if (reference.type !== 'TSExternalModuleReference') return;
      found({ specifier: reference.expression.value, kind: 'require', names: ['*'] }, node.start);
      // `import round = require('./round')`, then `round.roundCents()`: read like a required binding.
      walker.current.bound.set(node.id.name, node.start);
    },
  };
  if (needs.require) {
    handlers.CallExpression = (node) => {
      const walk = walker.current;
      if (walk.requireAt && !walk.text.startsWith('require', node.start)) return;
      const argument = isRequire(node) ? node.arguments[0] : undefined;
      if (!argument) return;
      const specifier = literal(argument);
      if (specifier !== undefined) found({ specifier, kind: 'require', names: ['*'] }, node.start);
      else {
        const raw = walk.text.slice(argument.start, argument.end);
        found({ specifier: raw, kind: 'require', names: ['*'], computed: true }, node.start);
      }
    };
    handlers.VariableDeclarator = (node) => {
      const walk = walker.current;
      if (!spells(walk.requireAt, node.start, node.end)) return;
      const init = unwrap(node.init);
      if (!isRequire(init)) return;
      const call = init.start;
      const id = node.id;
      if (id.type === 'BindingIdentifier') walk.bound.set(id.name, call);
      if (id.type !== 'ObjectPattern') return;
      for (const property of id.properties) addName(walk, call, keyName(property) ?? '*');
      // `const { a, ...rest } = require()`: the rest takes every other name (the lazy pattern does not list it).
      if (walk.text.slice(id.start, id.end).includes('...')) addName(walk, call, '*');
    };
    // Read once every bound name is known (a function may use `svc` above `const svc = require()`).
    handlers.StaticMemberExpression = (node) => void walker.current.memberReads.push(node);
  }
  if (needs.exports) {
    handlers.AssignmentExpression = (node) => {
      if (!spells(walker.current.exportsAt, node.start, node.end)) return;
      const left = node.left;
      if (left.type !== 'StaticMemberExpression') return;
      if (isModuleExports(left)) exportValue(node.right);
      else if (isIdentifier(left.object, 'exports') || isModuleExports(left.object))
        exportName(left.property.name, node.right);
    };
  }
  return handlers;
}
