import type { UseCase } from '@seams/graph';
import type { AnyNode, LazyNode, VisitedNode } from '../ast/lazy-ast.ts';

/**
 * An entry point as one file declares it. An HTTP route keeps its method and path apart, because the prefix
 * it is served under may be mounted in another file (`app.use('/v1', routes)`); the others are named whole.
 */
export type FoundEntry =
  | { kind: 'http'; method: string; path: string; start: number }
  | { kind: Exclude<UseCase['kind'], 'http' | 'trace'>; name: string; start: number };

/** A file's entry points and the routers it mounts under a prefix, by line; plain data so the cache keeps it. */
export interface FileEntries {
  entries: Array<DistributiveOmit<FoundEntry, 'start'> & { line: number }>;
  /** `app.use('/v1', routes)`: the module `specifier` (as written) serves its routes under `prefix`. */
  mounts: Array<{ prefix: string; specifier: string; line: number }>;
  /** `register(autoLoad, { dir })`: @fastify/autoload loads every plugin file of `dir`; absent when none. */
  autoloads?: Autoload[];
}

/** An @fastify/autoload registration, as its options are written (see autoload-edges.ts). */
export interface Autoload {
  /** The folder, relative to the registering file's folder (`routes`, `../plugins`). */
  dir: string;
  /** `options.prefix` when written as a literal, else ''. */
  prefix: string;
  /** `dirNameRoutePrefix`: false when the folder names do not prefix the routes. */
  dirNamePrefix: boolean;
  line: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface EntryContext {
  report(entry: FoundEntry): void;
  /** Records that the module bound to `binding` (an import or require of this file) serves under `prefix`. */
  mount(prefix: string, binding: AnyNode, start: number): void;
  /** Records that the module bound to `binding`, when it is @fastify/autoload, loads the folder `load.dir`. */
  autoload(binding: AnyNode, load: Omit<Autoload, 'line'>, start: number): void;
}

/** Called while the AST is walked, parents before children. */
export interface EntryHooks {
  CallExpression?(node: LazyNode<'CallExpression'>): void;
  VariableDeclarator?(node: LazyNode<'VariableDeclarator'>): void;
  NewExpression?(node: LazyNode<'NewExpression'>): void;
  ObjectExpression?(node: LazyNode<'ObjectExpression'>): void;
  /** A class with its decorators, before its members; `exit` after them. */
  Class?(node: VisitedNode<'Class'>): void;
  ClassExit?(node: VisitedNode<'Class'>): void;
  MethodDefinition?(node: VisitedNode<'MethodDefinition'>): void;
  /** After the whole file: for what only its end settles (a local router no mount named). */
  ProgramExit?(): void;
}

/** An entry-point detector (one framework or library), like the data detectors: a name, a cheap test, hooks. */
export interface EntryDetector {
  name: string;
  /**
   * What the source text must contain for the detector to find anything (a regular expression's source, without
   * capturing groups). One scan of the text tries every detector's at once: a file matching none is not walked.
   */
  trigger: string;
  /** A closer test, run only on a text the trigger matched. */
  isEnabled?(text: string): boolean;
  /** Fresh hooks for one file. */
  create(context: EntryContext): EntryHooks;
}
