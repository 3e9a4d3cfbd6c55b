import type { UseCase } from '@seams/graph';

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
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A node of oxc's lazy AST as far as entry detectors read it (ESTree-shaped, oxc's type names). */
export interface EntryNode {
  type: string;
  start: number;
  end: number;
  name?: string;
  value?: unknown;
  callee?: EntryNode;
  object?: EntryNode;
  property?: EntryNode;
  arguments?: EntryNode[];
  expression?: EntryNode;
  id?: EntryNode | null;
  key?: EntryNode;
  computed?: boolean;
  properties?: EntryNode[];
  elements?: Array<EntryNode | null>;
  decorators?: EntryNode[];
  quasis?: Array<{ value: { cooked: string | null } }>;
}

interface EntryContext {
  report(entry: FoundEntry): void;
  /** Records that the module bound to `binding` (an import or require of this file) serves under `prefix`. */
  mount(prefix: string, binding: EntryNode, start: number): void;
}

/** Called while the AST is walked, parents before children. */
export interface EntryHooks {
  CallExpression?(node: EntryNode): void;
  VariableDeclarator?(node: EntryNode & { init?: EntryNode | null }): void;
  NewExpression?(node: EntryNode): void;
  ObjectExpression?(node: EntryNode): void;
  /** A class with its decorators, before its members; `exit` after them. */
  Class?(node: EntryNode): void;
  ClassExit?(node: EntryNode): void;
  MethodDefinition?(node: EntryNode): void;
  /** After the whole file: for what only its end settles (a local router no mount named). */
  ProgramExit?(): void;
}

/** An entry-point detector (one framework or library), like the data detectors: a name, a cheap test, hooks. */
export interface EntryDetector {
  name: string;
  /** A cheap test on the source text: a file failing every detector's is not walked at all. */
  isEnabled(text: string): boolean;
  /** Fresh hooks for one file. */
  create(context: EntryContext): EntryHooks;
}
