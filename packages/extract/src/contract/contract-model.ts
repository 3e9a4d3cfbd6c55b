import type { Callee } from './called-functions.ts';
/** What `buildContract` reads: one service of the monolith and the names other services use. */
export interface ContractInput {
  /** Absolute project folder. */
  root: string;
  /** Absolute path of the tsconfig; default root/tsconfig.json if it exists. */
  tsconfig?: string;
  /** Files of the service, relative to root, POSIX. */
  serviceFiles: string[];
  /** `file#name` entries: the exported names other services use, by the file that declares them. */
  operations: string[];
  /**
   * Files outside the service that import it, relative to root: a class they receive in a constructor
   * is injected, and its methods are operations.
   */
  callerFiles?: string[];
}

/** The service's boundary as the generators need it: operations, the types they carry, what blocks a remote call. */
export interface ContractModel {
  /** Functions among `operations`, in input order, then the public methods of the injected classes. */
  operations: Operation[];
  /** Named types the operations use, dependencies first, names unique (clashes get a number suffix). */
  types: TypeDecl[];
  /** Entries of `operations` that are not functions: types, classes and values. */
  others: Array<{ entry: string; kind: 'type' | 'class' | 'value'; file: string; line: number }>;
  blockers: Blocker[];
  /** The injected classes whose methods are operations: the facade stands in for them. */
  providers?: Provider[];
  /** The NestJS modules among the entries that provide or export a provider: the facade rewires them. */
  modules?: NestModule[];
  /** Classes the monolith constructs (`new X(...)`) that can live in the service: the facade's class makes remote instances. */
  instanceClasses?: InstanceClass[];
  /** Per operation (by name), the project's functions it calls, directly or not: their writes are its writes. */
  callees?: Record<string, Callee[]>;
}

/** A class whose instances the monolith constructs and calls only through async methods of plain data. */
export interface InstanceClass {
  name: string;
  file: string;
  line: number;
  /** Whether the monolith constructs it (`X.new` is an operation), or only receives it from the service's functions. */
  constructed: boolean;
  /** Its public methods that are not routed (sync, or of data JSON cannot carry): a remote instance refuses them. */
  localOnly: string[];
}

/** Where the monolith gets a binding: a file of the project (relative to root), or a package as it names it. */
export type ImportSource = { file: string; module?: undefined } | { module: string; file?: undefined };

export interface Provider {
  name: string;
  file: string;
  line: number;
  /** Its container decorators (`@Injectable()`), repeated on the facade's subclass. */
  decorators: Array<{ name: string; text: string; from: ImportSource }>;
  /**
   * How the service builds the one instance it serves: `new A(new B())` from the classes named (by
   * file), or why seams cannot (a parameter injected by token, an interface), for a person to finish.
   */
  construct: { expression: string; classes: Array<{ name: string; file: string }> } | { reason: string };
}

export interface NestModule {
  name: string;
  file: string;
  line: number;
  /** Names of the providers it provides or exports. */
  provides: string[];
  /** Where its file imports the `Module` decorator from. */
  moduleFrom: ImportSource;
}

export interface Operation {
  /** The function's name, or `Class.method` for a method of an injected class. */
  name: string;
  /** For a method: the injected class (`@Injectable()`, or received in a constructor elsewhere). */
  owner?: string;
  /**
   * For a class the monolith constructs: `new` builds an instance in the service and returns its handle,
   * `method` calls one on the instance a handle names (the first parameter), `release` drops it.
   */
  instance?: 'new' | 'method' | 'release';
  /** For a function that resolves to an instance of a remote-instance class: the class (the service answers a handle). */
  returnsInstance?: string;
  file: string;
  line: number;
  /** True when it returns a Promise: only those can go remote without changing their callers. */
  async: boolean;
  params: Param[];
  /** The resolved value type: Promise<T> unwrapped to T; void is { text: 'void', schema: {} }. */
  returns: TypeRef;
  /** First paragraph of its JSDoc, on one line. */
  doc?: string;
  /** Whether it only reads, and from what evidence (set by extract from the graph's table accesses). */
  access?: { access: 'read' | 'write'; evidence: 'data' | 'name' };
}

export interface Param {
  name: string;
  optional: boolean;
  type: TypeRef;
}

export interface TypeRef {
  /** TypeScript type text valid in a contract.ts that declares every `types` entry. */
  text: string;
  /** JSON Schema (draft 2020-12 subset); named types are { $ref: '#/components/schemas/Name' }. */
  schema: JsonSchema;
}

export interface TypeDecl {
  name: string;
  /** `export interface Name { ... }` or `export type Name = ...;`, doc comments kept. */
  text: string;
  schema: JsonSchema;
  /** The file that declares it, relative to root. */
  file: string;
}

export type JsonSchema = Record<string, unknown>;

export type BlockerKind = 'sync' | 'callback' | 'class-instance' | 'unsupported-type' | 'shared-state' | 'transaction';

export interface Blocker {
  kind: BlockerKind;
  operation?: string;
  file: string;
  line: number;
  /** One sentence a person acts on: what crosses the boundary and what to do. */
  message: string;
}
