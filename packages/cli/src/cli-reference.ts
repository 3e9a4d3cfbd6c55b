import type { Command } from 'commander';

/** docs/cli.md: every command's help, as `seams <command> --help` prints it. */
export function cliReference(program: Command): string {
  const help = (command: Command) => {
    let text = '';
    // A fixed width: the page must not depend on the terminal that generated it.
    command.configureOutput({ writeOut: (chunk) => (text += chunk), getOutHelpWidth: () => 80 });
    command.outputHelp();
    return text.trimEnd();
  };
  const sections = [
    '# Command-line reference',
    '',
    'Generated from the commands themselves by `node packages/cli/scripts/write-cli-docs.ts`; a test fails when it is stale.',
    'Each command also has a page with a worked example, linked from the README.',
    '',
    '## seams',
    '',
    '```text',
    help(program),
    '```',
  ];
  for (const command of program.commands)
    sections.push('', `## seams ${command.name()}`, '', '```text', help(command), '```');
  return sections.join('\n') + '\n';
}
