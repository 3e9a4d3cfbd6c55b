import { createHash } from 'node:crypto';
import type { CheckResult } from '../baseline.ts';
import { plural } from '../wording.ts';
import { exitCodeOf, locate, type FormatOptions, type FormatOutput } from './format-output.ts';

/**
 * GitHub Actions workflow commands: an `::error` annotation per new finding at its file and line,
 * and one `::warning` listing stale baseline entries. Baselined findings make no annotation.
 */
export function formatGithub(result: CheckResult, options: FormatOptions): FormatOutput {
  const lines = result.fresh.map((finding) => {
    const properties = [`file=${escapeProperty(locate(options, finding.from))}`];
    if (finding.line > 0) properties.push(`line=${finding.line}`);
    properties.push(`title=${escapeProperty(`seams: ${finding.rule}`)}`);
    return `::error ${properties.join(',')}::${escapeData(`${finding.message}\nfix: ${finding.fix}`)}`;
  });
  if (result.stale.length > 0) {
    const entries = result.stale.map(
      (entry) => `${entry.rule}  ${locate(options, entry.from)} → ${locate(options, entry.to)}`,
    );
    const message = [
      `${plural(result.stale.length, 'baseline entry', 'baseline entries')} no longer found (drop with --update-baseline):`,
      ...entries,
    ].join('\n');
    lines.push(`::warning title=${escapeProperty('seams: stale baseline')}::${escapeData(message)}`);
  }
  return { output: lines.map((line) => `${line}\n`).join(''), exitCode: exitCodeOf(result) };
}

/** Escapes a command's message as @actions/core does: `%`, CR and LF. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a command property's value: the message's escapes plus `:` and `,`, which delimit properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * Output shown in a GitHub Actions log with its workflow commands switched off: the runner reads
 * any line starting with `::` as a command, and a file named `::warning::x.ts` would start one. The
 * token is a hash of the text, so it is the same on every run and the text cannot contain it.
 */
export function withoutCommands(text: string): string {
  const token = createHash('sha256').update(text).digest('hex').slice(0, 32);
  return `::stop-commands::${token}\n${text}::${token}::\n`;
}
