import { createHash } from 'node:crypto';

/** Every rule `seams check` applies, by stable id. */
export const RULES = [
  'internal-import',
  'undeclared-dependency',
  'service-cycle',
  'forbidden-shared',
  'table-write',
  'unassigned-file',
  'missing-file',
  'moved-file',
] as const;

export type RuleId = (typeof RULES)[number];

/**
 * One violation of the plan, located at an import statement (for table-write, at a write to a
 * table; for the plan's own gaps, at a file: unassigned-file and moved-file at the file as it is
 * now, missing-file at the path the plan lists). Plain data: baselines, JSON and SARIF carry it as is.
 */
export interface Finding {
  rule: RuleId;
  /** Importing file, relative to the graph root. */
  from: string;
  /** 1-based line of the import; 0 for findings about a whole file, or when an imported foreign graph does not say. */
  line: number;
  /**
   * Imported file: the file that really declares the imported names when the import goes through a barrel. For
   * table-write, a file where the owner writes the table; for moved-file, the path the plan lists; for unassigned-file
   * and missing-file, `from` again.
   */
  to: string;
  /** The module specifier as written; for table-write, the table; empty for findings about a whole file. */
  specifier: string;
  /** For table-write: the table written. */
  table?: string;
  /**
   * Service id of `from`; for moved-file and missing-file, of the path the plan lists; absent for unassigned-file and
   * shared files.
   */
  fromService?: string;
  /** Service id of `to`; absent when `to` is in the shared group, and for findings about a whole file. */
  toService?: string;
  /** For service-cycle: the loop through this import, first service repeated at the end. */
  cycle?: string[];
  /** One line saying what is wrong. */
  message: string;
  /** One line saying how to fix it. */
  fix: string;
  /** Identity across runs; independent of line numbers, so editing above an import keeps a baseline valid. */
  fingerprint: string;
}

/** A stable, fixed-length identity for the parts that make a finding the same finding. */
export function fingerprintOf(rule: RuleId, parts: readonly string[]): string {
  return createHash('sha256')
    .update([rule, ...parts].join('\0'))
    .digest('hex')
    .slice(0, 20);
}

/** Sorts by UTF-16 code unit, so output reads the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reading order: file, then line, then rule and target for imports on one line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareCodeUnits(a.from, b.from) ||
    a.line - b.line ||
    compareCodeUnits(a.rule, b.rule) ||
    compareCodeUnits(a.to, b.to)
  );
}
