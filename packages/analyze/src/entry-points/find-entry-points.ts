import { createLazyVisitor, type AnyNode, type LazyProgram, type LazyVisitor } from '../ast/lazy-ast.ts';
import type { LineIndex } from '../line-index.ts';
import { createTriggerScan } from '../trigger-scan.ts';
import { stringValue } from './ast.ts';
import { ENTRY_DETECTORS } from './index.ts';
import type { Autoload, EntryDetector, EntryHooks, FileEntries, FoundEntry } from './types.ts';

/** One file's walk: the enabled detectors' hooks and the modules its local names come from. */
interface FileWalk {
  hooks: EntryHooks[];
  /** Local name -> the specifier it was imported or required from. */
  bindings: Map<string, string>;
}

// An alternative per detector's trigger: one scan of the text tells which detectors could apply.
const TRIGGERS = createTriggerScan(ENTRY_DETECTORS.map((detector) => detector.trigger));

/** The detectors whose trigger the text matches and closer test it passes. */
function enabledDetectors(text: string): EntryDetector[] {
  const triggered = new Set<number>();
  for (const { alternative } of TRIGGERS.matches(text)) {
    triggered.add(alternative);
    if (triggered.size === ENTRY_DETECTORS.length) break;
  }
  return ENTRY_DETECTORS.filter((detector, i) => triggered.has(i) && (detector.isEnabled?.(text) ?? true));
}

/** Finds entry points, file by file, for one analyze run. */
export interface EntryWalker {
  /** The entry points one parsed file declares and the routers it mounts; undefined when no detector's test passes. */
  find(program: LazyProgram, text: string, lines: LineIndex): FileEntries | undefined;
}

const emptyWalk = (): FileWalk => ({ hooks: [], bindings: new Map() });

/**
 * A walker for one analyze run: its one visitor (built on first use) reads the file being walked from `walker.current`.
 */
export function createEntryWalker(): EntryWalker {
  const walker = { current: emptyWalk() };
  let visitor: LazyVisitor | undefined;
  return {
    find(program, text, lines) {
      const enabled = enabledDetectors(text);
      if (enabled.length === 0) return undefined;
      const found: FoundEntry[] = [];
      const mounts: Array<{ prefix: string; binding: AnyNode; start: number }> = [];
      const autoloads: Array<{ load: Omit<Autoload, 'line'>; binding: AnyNode; start: number }> = [];
      const walk = emptyWalk();
      walk.hooks = enabled.map((detector) =>
        detector.create({
          report: (entry) => found.push(entry),
          mount: (prefix, binding, start) => mounts.push({ prefix, binding, start }),
          autoload: (binding, load, start) => autoloads.push({ binding, load, start }),
        }),
      );
      walker.current = walk;
      try {
        program.visit((visitor ??= createVisitor(walker)));
      } finally {
        walker.current = emptyWalk();
      }
      const entries = fileEntries(found, mounts, walk.bindings, lines);
      const loads = autoloads.flatMap(({ binding, load, start }) =>
        AUTOLOAD.test(specifierOf(binding, walk.bindings) ?? '') ? [{ ...load, line: lines.lineOf(start) }] : [],
      );
      return loads.length === 0 ? entries : { entries: [], mounts: [], ...entries, autoloads: loads };
    },
  };
}

function fileEntries(
  found: FoundEntry[],
  mounts: Array<{ prefix: string; binding: AnyNode; start: number }>,
  bindings: ReadonlyMap<string, string>,
  lines: LineIndex,
): FileEntries | undefined {
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
    const specifier = specifierOf(binding, bindings);
    return specifier === undefined ? [] : [{ prefix, specifier, line: lines.lineOf(start) }];
  });
  return entries.length > 0 || resolved.length > 0 ? { entries, mounts: resolved } : undefined;
}

// The plugin loader's package, current and former name.
const AUTOLOAD = /^(?:@fastify\/autoload|fastify-autoload)$/;

// `routes` (imported or required), `require('./routes')`, `import('./routes')`.
function specifierOf(binding: AnyNode, bindings: ReadonlyMap<string, string>): string | undefined {
  if (binding.type === 'IdentifierReference') return bindings.get(binding.name);
  if (binding.type === 'CallExpression' && isRequire(binding)) return stringValue(binding.arguments[0]);
  if (binding.type === 'ImportExpression') return stringValue(binding.source);
  return undefined;
}

const isRequire = (call: AnyNode & { type: 'CallExpression' }): boolean =>
  call.callee.type === 'IdentifierReference' && call.callee.name === 'require';

function createVisitor(walker: { current: FileWalk }): LazyVisitor {
  const each = () => walker.current.hooks;
  return createLazyVisitor({
    ImportDeclaration(node) {
      for (const specifier of node.specifiers ?? [])
        walker.current.bindings.set(specifier.local.name, node.source.value);
    },
    VariableDeclarator(node) {
      const init = node.init;
      if (node.id.type === 'BindingIdentifier' && init?.type === 'CallExpression' && isRequire(init)) {
        const specifier = stringValue(init.arguments[0]);
        if (specifier !== undefined) walker.current.bindings.set(node.id.name, specifier);
      }
      for (const hooks of each()) hooks.VariableDeclarator?.(node);
    },
    CallExpression: (node) => each().forEach((hooks) => hooks.CallExpression?.(node)),
    NewExpression: (node) => each().forEach((hooks) => hooks.NewExpression?.(node)),
    ObjectExpression: (node) => each().forEach((hooks) => hooks.ObjectExpression?.(node)),
    Class: (node) => each().forEach((hooks) => hooks.Class?.(node)),
    'Class:exit': (node) => each().forEach((hooks) => hooks.ClassExit?.(node)),
    MethodDefinition: (node) => each().forEach((hooks) => hooks.MethodDefinition?.(node)),
    'Program:exit': () => each().forEach((hooks) => hooks.ProgramExit?.()),
  });
}
