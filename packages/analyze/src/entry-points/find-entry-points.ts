import * as oxc from 'oxc-parser';
import type { LineIndex } from '../line-index.ts';
import { stringValue } from './ast.ts';
import { ENTRY_DETECTORS } from './index.ts';
import type { EntryHooks, EntryNode, FileEntries, FoundEntry } from './types.ts';

interface Walkable {
  visit(visitor: unknown): void;
}

// The lazy visitor ships in oxc-parser's JS but not yet in its type declarations.
const { experimentalGetLazyVisitor } = oxc as unknown as {
  experimentalGetLazyVisitor: () => new (visitor: object) => unknown;
};

interface WalkState {
  hooks: EntryHooks[];
  /** Local name -> the specifier it was imported or required from. */
  bindings: Map<string, string>;
}

const state: WalkState = { hooks: [], bindings: new Map() };
let visitor: unknown;

/** The entry points one parsed file declares and the routers it mounts; undefined when no detector's test passes. */
export function findEntryPoints(result: Walkable, text: string, lines: LineIndex): FileEntries | undefined {
  const enabled = ENTRY_DETECTORS.filter((detector) => detector.isEnabled(text));
  if (enabled.length === 0) return undefined;
  const found: FoundEntry[] = [];
  const mounts: Array<{ prefix: string; binding: EntryNode; start: number }> = [];
  state.bindings = new Map();
  state.hooks = enabled.map((detector) =>
    detector.create({
      report: (entry) => found.push(entry),
      mount: (prefix, binding, start) => mounts.push({ prefix, binding, start }),
    }),
  );
  result.visit((visitor ??= createVisitor()));
  state.hooks = [];
  // Several detectors may read one call (a router file that also names koa): one entry per line and id.
  const seen = new Set<string>();
  const entries: FileEntries['entries'] = [];
  for (const { start, ...entry } of found.sort((a, b) => a.start - b.start)) {
    const line = lines.lineOf(start);
    const key = `${line}\0${entry.kind === 'http' ? `${entry.method} ${entry.path}` : entry.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ ...entry, line });
  }
  const resolved = mounts.flatMap(({ prefix, binding, start }) => {
    const specifier = specifierOf(binding);
    return specifier === undefined ? [] : [{ prefix, specifier, line: lines.lineOf(start) }];
  });
  return entries.length > 0 || resolved.length > 0 ? { entries, mounts: resolved } : undefined;
}

// `routes` (imported or required), `require('./routes')`, `import('./routes')`.
function specifierOf(binding: EntryNode): string | undefined {
  if (binding.type === 'IdentifierReference') return state.bindings.get(binding.name!);
  if (
    binding.type === 'CallExpression' &&
    binding.callee?.type === 'IdentifierReference' &&
    binding.callee.name === 'require'
  )
    return stringValue(binding.arguments![0]);
  if (binding.type === 'ImportExpression') return stringValue((binding as EntryNode & { source: EntryNode }).source);
  return undefined;
}

function createVisitor(): unknown {
  const dispatch =
    (hook: keyof EntryHooks) =>
    (node: EntryNode): void => {
      for (const hooks of state.hooks) hooks[hook]?.(node);
    };
  const onDeclarator = dispatch('VariableDeclarator');
  const Visitor = experimentalGetLazyVisitor();
  return new Visitor({
    ImportDeclaration(node: { source: EntryNode; specifiers: Array<{ local: EntryNode }> | null }) {
      for (const specifier of node.specifiers ?? [])
        state.bindings.set(specifier.local.name!, node.source.value as string);
    },
    VariableDeclarator(node: EntryNode & { init?: EntryNode | null }) {
      const init = node.init;
      if (
        node.id?.type === 'BindingIdentifier' &&
        init?.type === 'CallExpression' &&
        init.callee?.type === 'IdentifierReference' &&
        init.callee.name === 'require'
      ) {
        const specifier = stringValue(init.arguments![0]);
        if (specifier !== undefined) state.bindings.set(node.id.name!, specifier);
      }
      onDeclarator(node);
    },
    CallExpression: dispatch('CallExpression'),
    NewExpression: dispatch('NewExpression'),
    ObjectExpression: dispatch('ObjectExpression'),
    Class: dispatch('Class'),
    'Class:exit': dispatch('ClassExit'),
    MethodDefinition: dispatch('MethodDefinition'),
    'Program:exit': dispatch('ProgramExit'),
  });
}
