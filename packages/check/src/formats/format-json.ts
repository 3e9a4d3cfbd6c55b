import type { CheckResult } from '../baseline.ts';
import { exitCodeOf, type FormatOutput } from './format-output.ts';

/** The result as it is, for scripts: `{ version, fresh, known, stale }`, locations relative to the graph root. */
export function formatJson(result: CheckResult): FormatOutput {
  const { fresh, known, stale } = result;
  return { output: JSON.stringify({ version: 1, fresh, known, stale }, null, 2) + '\n', exitCode: exitCodeOf(result) };
}
