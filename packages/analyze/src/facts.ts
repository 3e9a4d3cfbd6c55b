import type { DataAccess, DataModel, EdgeKind } from '@seams/graph';

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
interface ReexportFact {
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
  models?: Array<Omit<DataModel, 'from'>>;
  error?: { message: string; line: number };
}

/** The relation path of a Prisma nested write, from the model called (data/prisma/nested-writes.ts). */
type NestedVia = Array<{ field: string; op: string }>;

/**
 * An access before the tables step: a tentative one still has to meet a declaration of its name, and a
 * nested write (`via`) the schema relations that name the model it writes.
 */
export type ToNameAccess = DataAccess & { tentative?: true; via?: NestedVia };

/** Every file's data accesses with their file, in the facts' (the graph's) file order. */
export function dataOf(facts: ReadonlyMap<string, FileFacts>): ToNameAccess[] {
  const all: ToNameAccess[] = [];
  for (const [from, file] of facts) for (const access of file.data ?? []) all.push({ from, ...access });
  return all;
}

/** Every file's model declarations with their file, in file order. */
export function modelsOf(facts: ReadonlyMap<string, FileFacts>): DataModel[] {
  const all: DataModel[] = [];
  for (const [from, file] of facts) for (const model of file.models ?? []) all.push({ from, ...model });
  return all;
}
