import { printable } from '@seams/graph';
import type { CheckResult } from '../baseline.ts';
import { countLine, exitCodeOf, locate, type FormatOptions, type FormatOutput } from './format-output.ts';

/**
 * For a person at a terminal: each new finding as `file:line  rule  message` with its fix indented
 * below, the stale baseline entries, and a count line. Baselined findings are only counted; they
 * are the debt the team already agreed to; the count line names the baseline file read, if any. Control characters in paths and messages are printed as
 * escapes, so every line is one line and no file name can speak to the terminal.
 */
export function formatText(result: CheckResult, options: FormatOptions): FormatOutput {
  const lines: string[] = [];
  for (const finding of result.fresh) {
    const at = locate(options, finding.from) + (finding.line > 0 ? `:${finding.line}` : '');
    lines.push(`${at}  ${finding.rule}  ${finding.message}`, `  fix: ${finding.fix}`);
  }
  if (result.stale.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('stale baseline entries, no longer found (drop them with --update-baseline):');
    for (const entry of result.stale)
      lines.push(`  ${entry.rule}  ${locate(options, entry.from)} → ${locate(options, entry.to)}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(`seams check: ${countLine(result, options.baseline)}`);
  return { output: lines.map(printable).join('\n') + '\n', exitCode: exitCodeOf(result) };
}
