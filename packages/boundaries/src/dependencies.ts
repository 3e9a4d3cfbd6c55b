/**
 * A directed dependency between two files, aggregated over all edges between them:
 * what clustering signals, metrics and the plan work on, instead of raw import statements.
 */
export interface Dependency {
  from: string;
  to: string;
  /** How many names `from` uses from `to` (at least 1 per edge). */
  calls: number;
  /** The names used, as `file#name` of the file that really declares them (barrels traced). */
  names: string[];
}

/** Files to services; files of the shared group and unassigned files are absent. */
export type Assignment = ReadonlyMap<string, string>;
