import { Command, CommanderError } from 'commander';
import { isSeamsError, printable, SEAMS_VERSION } from '@seams/graph';
import { analyzeCommand } from './commands/analyze-command.ts';
import { boundariesCommand } from './commands/boundaries-command.ts';
import { checkCommand, type CommandOutcome } from './commands/check-command.ts';
import { extractCommand } from './commands/extract-command.ts';
import { reportCommand } from './commands/report-command.ts';
import { uiCommand } from './commands/ui-command.ts';
import type { Streams } from './streams.ts';

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** The whole command tree; `run` parses with it and docs/cli.md is generated from it. */
export function createProgram(streams: Streams, outcome: CommandOutcome = { exitCode: EXIT.ok }): Command {
  const program = new Command('seams')
    .description('Find the services hiding in a TS/JS monolith.')
    .version(SEAMS_VERSION)
    .option('--debug', 'print stack traces of errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    })
    .addHelpText(
      'after',
      '\nExamples:\n  $ seams analyze fixtures/shop -o graph.json\n  $ seams boundaries graph.json -o seams.plan.json\n  $ seams report --graph graph.json --plan seams.plan.json --format html -o report.html\n  $ seams ui fixtures/shop\n  $ seams extract payment fixtures/shop\n  $ seams check .\n',
    )
    .addCommand(analyzeCommand(streams))
    .addCommand(boundariesCommand(streams))
    .addCommand(reportCommand(streams))
    .addCommand(uiCommand(streams))
    .addCommand(extractCommand(streams, outcome))
    .addCommand(checkCommand(streams, outcome));
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/** Runs one seams command line and returns its exit code; never calls process.exit. */
export async function run(argv: readonly string[], streams: Streams): Promise<number> {
  const debug = argv.includes('--debug');
  const outcome: CommandOutcome = { exitCode: EXIT.ok };
  const program = createProgram(streams, outcome);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return outcome.exitCode;
  } catch (error) {
    return reportError(error, debug, streams);
  }
}

function reportError(error: unknown, debug: boolean, streams: Streams): number {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander only because of exitOverride.
    return error.exitCode === 0 ? EXIT.ok : EXIT.error;
  }
  if (isSeamsError(error)) {
    // One line whatever the message quotes: a file name can hold a newline or a terminal escape.
    streams.stderr.write(`seams: ${printable(error.message)} [${error.code}]\n`);
    if (debug && error.stack) streams.stderr.write(error.stack + '\n');
    return EXIT.error;
  }
  streams.stderr.write(`seams: internal error: ${(error as Error)?.message ?? String(error)}\n`);
  streams.stderr.write(
    debug ? `${(error as Error)?.stack}\n` : 'Run again with --debug for the stack trace, and please report it.\n',
  );
  return EXIT.error;
}
