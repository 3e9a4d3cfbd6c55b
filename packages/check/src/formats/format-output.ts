import { formatCount } from '@seams/graph';
import type { CheckResult } from '../baseline.ts';

export interface FormatOptions {
  /**
   * Where the analysed folder sits relative to where the output is read (the working directory
   * for text, the repository root for GitHub and SARIF), e.g. `services/api`; prepended to every
   * file location. Default: locations relative to the graph root.
   */
  prefix?: string;
  /** Absolute POSIX path the (prefixed) locations are relative to; SARIF records it as SRCROOT. */
  root?: string;
  /** The baseline file that was read, as the reader names it; the text count line says which one. */
  baseline?: string;
}

export interface FormatOutput {
  output: string;
  /** 1 when a finding is not in the baseline, else 0. */
  exitCode: number;
}

/** Renders a check result in one format; pure, no I/O. */
export type Formatter = (result: CheckResult, options: FormatOptions) => FormatOutput;

/** The exit code every format returns: findings the baseline does not know fail the check. */
export function exitCodeOf(result: CheckResult): number {
  return result.fresh.length > 0 ? 1 : 0;
}

/** A file of the graph as the reader of the output names it: under `prefix` when one is given. */
export function locate(options: FormatOptions, path: string): string {
  const prefix = options.prefix?.replace(/\/*$/, '') ?? '';
  return prefix ? `${prefix}/${path}` : path;
}

/** `1 new, 2 baselined in seams.baseline.json, 1 stale`: which baseline was read, since one is read without asking. */
export function countLine(result: CheckResult, baseline: string | undefined): string {
  const known = `${formatCount(result.known.length)} baselined${baseline === undefined ? '' : ` in ${baseline}`}`;
  return `${formatCount(result.fresh.length)} new, ${known}, ${formatCount(result.stale.length)} stale`;
}
