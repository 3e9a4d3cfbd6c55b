import { z } from 'zod';
import { DataAccess, DataTable } from './data-schema.ts';
import { History } from './history-schema.ts';
import { UseCase } from './use-case-schema.ts';

/** Version of the graph JSON format; bumped on any incompatible change. */
export const GRAPH_VERSION = 1;

export const EDGE_KINDS = ['import', 'type', 'reexport', 'require', 'dynamic'] as const;

export const EdgeKind = z
  .enum(EDGE_KINDS)
  .describe(
    'import: static value import; type: type-only import or export; reexport: export ... from; require: require() or import x = require(); dynamic: import()',
  );

export const FileNode = z.object({
  path: z.string().describe('POSIX path relative to root'),
  language: z
    .enum(['ts', 'tsx', 'js', 'jsx', 'other'])
    .describe("Language the file was parsed as; 'other' for files of an imported foreign graph"),
  dts: z.boolean().optional().describe('True for declaration files (.d.ts, .d.mts, .d.cts)'),
  loc: z
    .number()
    .int()
    .nonnegative()
    .describe('Lines of code: lines that hold something other than blanks and comments'),
  exports: z
    .array(z.string())
    .describe(
      "Names the file exports, 'default' included; '*' entries are resolved into names where the provider is known",
    ),
  package: z.string().optional().describe('Name of the workspace package the file belongs to'),
});

export const Edge = z.object({
  from: z.string().describe('Importing file, relative to root'),
  to: z.string().describe('Imported file, relative to root'),
  kind: EdgeKind,
  specifier: z.string().describe('The module specifier as written'),
  line: z
    .number()
    .int()
    .nonnegative()
    .describe('1-based line of the import in the importing file; 0 when an imported foreign graph does not say'),
  names: z
    .array(z.string())
    .describe("Imported names; 'default' for a default import, '*' for a namespace or a whole-module require"),
  providers: z
    .record(z.string(), z.string())
    .optional()
    .describe('For an edge into a barrel: imported name -> file that really declares it, after following re-exports'),
  providedAs: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      "For a provided name the barrel renamed: imported name -> the name its declaring file exports it under ('default' " +
        "for `export { default as X } from`, '*' for `export * as X from`)",
    ),
  weight: z
    .number()
    .positive()
    .optional()
    .describe('Strength of the dependency, from an imported weighted graph; 1 when absent'),
});

export const External = z.object({
  from: z.string(),
  specifier: z.string(),
  package: z.string().describe("Package name ('react', '@nestjs/core') or the built-in module ('node:fs')"),
  builtin: z.boolean().describe('True for Node.js built-in modules'),
  kind: EdgeKind,
  line: z.number().int().nonnegative(),
  names: z.array(z.string()),
});

export const UNRESOLVED_REASONS = [
  'not-found',
  'computed-specifier',
  'outside-root',
  'not-analyzed',
  'unsupported',
] as const;

export const Unresolved = z.object({
  from: z.string(),
  specifier: z
    .string()
    .describe("The specifier as written; for a computed dynamic import, the expression's source text"),
  kind: EdgeKind,
  line: z.number().int().nonnegative(),
  reason: z.enum(UNRESOLVED_REASONS),
  detail: z.string().optional().describe("The resolver's message or a hint"),
});

export const ParseErrorEntry = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().int().nonnegative().describe('0 when the problem is the whole file (unreadable, binary, too large)'),
});

export const Workspace = z.object({
  name: z.string(),
  path: z.string().describe('Folder of the workspace package, relative to root'),
});

export const Graph = z.object({
  version: z.literal(GRAPH_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  source: z.enum(['seams', 'madge', 'depcruise', 'edgelist', 'json-graph']).describe('What produced the edges'),
  root: z.string().describe('Absolute POSIX path of the analysed directory'),
  files: z.array(FileNode),
  edges: z.array(Edge),
  externals: z.array(External),
  unresolved: z.array(Unresolved),
  parseErrors: z.array(ParseErrorEntry),
  workspaces: z.array(Workspace),
  timings: z.record(z.string(), z.number()).describe('Milliseconds spent per step'),
  history: History.optional().describe(
    'Change history from git (seams analyze --history): churn, authors, owners, co-change',
  ),
  data: z
    .array(DataAccess)
    .optional()
    .describe('Table reads and writes the data detectors found, by file and line; absent when none'),
  tables: z
    .array(DataTable)
    .optional()
    .describe('The data nodes: every table or collection accessed or declared, by name; absent when none'),
  useCases: z
    .array(UseCase)
    .optional()
    .describe('Entry points (routes, resolvers, consumers, jobs, commands) or traced use cases; absent when none'),
});

export type EdgeKind = z.infer<typeof EdgeKind>;
export type FileNode = z.infer<typeof FileNode>;
export type Edge = z.infer<typeof Edge>;
export type External = z.infer<typeof External>;
export type Unresolved = z.infer<typeof Unresolved>;
export type ParseErrorEntry = z.infer<typeof ParseErrorEntry>;
export type Graph = z.infer<typeof Graph>;
