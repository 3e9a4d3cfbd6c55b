import type { Edge, External, FileNode, Graph, ParseErrorEntry, Unresolved, UseCase } from '@seams/graph';
import type { FileEntryPoints, ToNameAccess, ToNameModel } from './facts.ts';
import type { ExportTable } from './trace-barrels.ts';

/** The part of the graph computed from facts; cached whole, with what a partial update needs. */
export interface GraphParts {
  parseErrors: ParseErrorEntry[];
  files: FileNode[];
  edges: Edge[];
  externals: External[];
  unresolved: Unresolved[];
  workspaces: Graph['workspaces'];
  warnings: string[];
  /** Table reads and writes, by file then line (optional: graphs cached before it existed lack it). */
  data?: ToNameAccess[];
  /** Model declarations in source, by file then line (optional like `data`). */
  models?: ToNameModel[];
  /** Entry points and router mounts, by file (optional like `data`). */
  entries?: FileEntryPoints[];
  /** The use cases composed from `entries` and the edges: cached, so an unchanged tree does not compose them again. */
  useCases?: UseCase[];
  /** Each file's exports with resolved targets: re-tracing barrels after a few files changed needs every file's. */
  exportTables: Map<string, ExportTable>;
}
