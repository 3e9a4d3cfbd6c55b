import type { DataAccess, DataModel, EdgeKind } from '@seams/graph';
import type { FileEntries } from './entry-points/types.ts';

/** One module reference as written in a file, before resolution. */
export interface ImportFact {
  specifier: string;
  kind: EdgeKind;
  names: string[];
  line: number;
  /** A dynamic import whose specifier is an expression, not a string. */
  computed?: boolean;
}

/** `export { importName as exportName } from specifier`; '*' stands for a namespace or `export *`. */
export interface ReexportFact {
  specifier: string;
  importName: string;
  /** null for `export * from`, which forwards every name but default. */
  exportName: string | null;
}

/** What parsing one file yields; plain data so the cache can store it. */
export interface FileFacts {
  language: 'ts' | 'tsx' | 'js' | 'jsx';
  dts: boolean;
  loc: number;
  imports: ImportFact[];
  /** Names declared and exported by this file itself. */
  localExports: string[];
  reexports: ReexportFact[];
  /** Table reads and writes the data detectors found (src/data), by line; absent when none. */
  data?: Array<Omit<DataAccess, 'from'> & { tentative?: true; via?: NestedVia }>;
  /** Models and entities declared here with the table each maps to; absent when none. */
  models?: Array<Omit<ToNameModel, 'from'>>;
  /** Entry points (routes, resolvers, consumers, jobs, commands) and router mounts; absent when none. */
  entries?: FileEntries;
  error?: { message: string; line: number };
}

/** The relation path of a Prisma nested write, from the model called (data/prisma/nested-writes.ts). */
type NestedVia = Array<{ field: string; op: string }>;

/**
 * An access before the tables step: a tentative one still has to meet a declaration of its name, and a
 * nested write (`via`) the schema relations that name the model it writes.
 */
export type ToNameAccess = DataAccess & { tentative?: true; via?: NestedVia };

/** A declaration before the tables step: a `keysOnly` one adds its references to the model of its name. */
export type ToNameModel = DataModel & { keysOnly?: true };

/** Every file's data accesses with their file, in the facts' (the graph's) file order. */
export function dataOf(facts: ReadonlyMap<string, FileFacts>): ToNameAccess[] {
  const all: ToNameAccess[] = [];
  for (const [from, file] of facts) for (const access of file.data ?? []) all.push({ from, ...access });
  return all;
}

/** Every file's model declarations with their file, in file order. */
export function modelsOf(facts: ReadonlyMap<string, FileFacts>): ToNameModel[] {
  const all: ToNameModel[] = [];
  for (const [from, file] of facts) for (const model of file.models ?? []) all.push({ from, ...model });
  return all;
}

/** A file's entry points with the file, in file order; what the use-case step composes across files. */
export type FileEntryPoints = FileEntries & { from: string };

/** Every file's entry points and mounts, in file order. */
export function entriesOf(facts: ReadonlyMap<string, FileFacts>): FileEntryPoints[] {
  const all: FileEntryPoints[] = [];
  for (const [from, file] of facts) if (file.entries) all.push({ from, ...file.entries });
  return all;
}
