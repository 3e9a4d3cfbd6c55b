import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Plan } from '@seams/graph';
import { loadOrAnalyze } from '../load-graph.ts';
import { planWarnings, printWarnings, readPlan } from '../read-plan.ts';
import type { Streams } from '../streams.ts';
import { writeFileAtomic } from '../write-file.ts';
import { projectFiles } from '../project-files.ts';

type Format = 'md' | 'html' | 'mermaid' | 'dot' | 'json';

interface ReportFlags {
  graph?: string;
  plan?: string;
  previous?: string;
  format: Format;
  output?: string;
  title?: string;
}

export function reportCommand(streams: Streams): Command {
  return new Command('report')
    .description(
      'Service-boundary report people read: Markdown, self-contained interactive HTML, Mermaid, DOT or JSON; from saved files or computed as needed.',
    )
    .argument('[dir]', 'project folder: analysed when --graph is not given, clustered when it has no plan', '.')
    .option('--graph <file>', 'a graph from seams analyze -o (instead of analysing dir)')
    .option(
      '--plan <file>',
      'a plan from seams boundaries -o (default: seams.plan.json in dir, without --graph; else computed)',
    )
    .option('--previous <file>', 'an earlier plan: the report says what changed')
    .addOption(
      new Option('--format <format>', 'report format').choices(['md', 'html', 'mermaid', 'dot', 'json']).default('md'),
    )
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--title <text>', 'report title')
    .addHelpText(
      'after',
      `
Examples:
  $ seams report fixtures/shop                                     Markdown on stdout, for a PR or wiki
  $ seams report --graph graph.json --plan seams.plan.json --format html -o report.html
  $ seams report --graph graph.json --plan seams.plan.json --format mermaid > services.mmd
  $ seams report --graph graph.json --plan new.plan.json --previous seams.plan.json   what changed`,
    )
    .action(async (dir: string, flags: ReportFlags) => {
      const graph = await loadOrAnalyze(resolve(streams.cwd, flags.graph ?? dir));
      let plan: Plan;
      // The plan the team saved and edited in the folder, as check, extract and ui read it: not a fresh one beside
      // it. With --graph the folder may be any other (the current one), so only --plan names the plan.
      const saved = join(resolve(streams.cwd, dir), 'seams.plan.json');
      const planFile = flags.plan ?? (!flags.graph && existsSync(saved) ? saved : undefined);
      if (planFile) {
        const planPath = resolve(streams.cwd, planFile);
        plan = readPlan(planPath);
        printWarnings(streams, planWarnings(plan, graph, planPath, streams.cwd));
      } else {
        const { proposeBoundaries } = await import('@seams/boundaries');
        plan = proposeBoundaries(graph, await projectFiles(graph));
      }
      const previous = flags.previous ? readPlan(resolve(streams.cwd, flags.previous)) : undefined;
      const { buildReportModel, renderReport } = await import('@seams/report');
      const model = buildReportModel(graph, plan, {
        ...(previous ? { previous } : {}),
        ...(flags.title ? { title: flags.title } : {}),
      });
      const output = await renderReport(flags.format, model);
      if (flags.output) {
        writeFileAtomic(resolve(streams.cwd, flags.output), output);
        streams.stdout.write(`report written to ${flags.output}\n`);
      } else streams.stdout.write(output);
    });
}
