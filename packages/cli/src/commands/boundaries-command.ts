import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { InputError, matchPlan } from '@seams/graph';
import { readPlan } from '../read-plan.ts';
import { formatPlanText, formatPlanTsv } from '../format-plan.ts';
import { loadOrAnalyze } from '../load-graph.ts';
import type { Streams } from '../streams.ts';
import { writeFileAtomic } from '../write-file.ts';
import { projectFiles } from '../project-files.ts';

interface BoundariesFlags {
  output?: string;
  format: 'text' | 'json' | 'tsv';
  signals?: string;
  weights?: string;
  services?: string;
  resolution?: string;
  minSize: string;
  maxSize: string;
  seed: string;
  seeds: string;
  shared: boolean;
  keep?: string;
}

export function boundariesCommand(streams: Streams): Command {
  return new Command('boundaries')
    .description(
      'Propose candidate services: weighted signals, shared kernel set apart, seeded Louvain with refinement, metrics, a plan file.',
    )
    .argument('[input]', 'a project folder (analysed first) or a graph.json from seams analyze', '.')
    .option('-o, --output <file>', 'write the plan JSON to this file (e.g. seams.plan.json)')
    .addOption(new Option('--format <format>', 'what to print').choices(['text', 'json', 'tsv']).default('text'))
    .option(
      '--signals <list>',
      'comma-separated signals: imports, names, paths, entities, usecases (graph.useCases), cochange (git history: analyze --history), data (table accesses) (default: all available)',
    )
    .option(
      '--weights <list>',
      'share of each signal in the combined graph, e.g. imports=1,names=0.6,paths=1,cochange=0.2,data=0.5 (the defaults)',
    )
    .option('--services <n>', 'exactly this many services')
    .option(
      '--resolution <r>',
      'Louvain resolution: higher gives more, smaller services (default: the finest of 2, 3, 4 stable across seeds)',
    )
    .option('--min-size <files>', 'smaller clusters join their closest neighbour', '3')
    .option('--max-size <files>', 'larger clusters are split once more', '60')
    .option('--seed <n>', 'random seed: the same seed gives the same plan', '42')
    .option('--seeds <n>', "seeded runs used to measure each file's confidence", '10')
    .option('--no-shared', 'do not set a shared kernel apart')
    .option('--keep <plan>', 'a previous (edited) plan: its pinned files, service ids and names survive')
    .addHelpText(
      'after',
      `
Examples:
  $ seams boundaries fixtures/shop                          summary of candidate services
  $ seams boundaries graph.json -o seams.plan.json          plan from a saved graph
  $ seams boundaries . --services 6 --format tsv            exactly 6 services, path<TAB>service
  $ seams boundaries . --signals imports                    structure only: no names, no folders
  $ seams boundaries . --keep seams.plan.json -o seams.plan.json   recompute, keeping hand edits`,
    )
    .action(async (input: string, flags: BoundariesFlags) => {
      const graph = await loadOrAnalyze(resolve(streams.cwd, input));
      const keep = flags.keep ? readPlan(resolve(streams.cwd, flags.keep)) : undefined;
      // Gone files are what --keep is for (the new plan drops them): only another project's plan stops it.
      if (keep) matchPlan(keep, graph, { origin: flags.keep! });
      const { proposeBoundaries } = await import('@seams/boundaries');
      const plan = proposeBoundaries(graph, {
        signals: flags.signals
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        weights: flags.weights === undefined ? undefined : parseWeights(flags.weights),
        services: flags.services === undefined ? undefined : integer(flags.services, '--services', 1),
        resolution: flags.resolution === undefined ? undefined : positive(flags.resolution, '--resolution'),
        minServiceSize: integer(flags.minSize, '--min-size', 1),
        maxServiceSize: integer(flags.maxSize, '--max-size', 1),
        seed: integer(flags.seed, '--seed', 0),
        seeds: integer(flags.seeds, '--seeds', 1),
        sharedKernel: flags.shared,
        ...(await projectFiles(graph)),
        keep,
      });
      if (flags.output) writeFileAtomic(resolve(streams.cwd, flags.output), JSON.stringify(plan, null, 2) + '\n');
      if (flags.format === 'json') streams.stdout.write(JSON.stringify(plan, null, 2) + '\n');
      else if (flags.format === 'tsv') streams.stdout.write(formatPlanTsv(plan));
      else streams.stdout.write(formatPlanText(plan, flags.output));
    });
}

function parseWeights(text: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=');
    const number = Number(value);
    if (!name || !Number.isFinite(number) || number < 0)
      throw new InputError(
        'SEAMS_OPTION_INVALID',
        `--weights takes name=number pairs such as imports=1,paths=0.5; got '${part}'.`,
      );
    weights[name] = number;
  }
  return weights;
}

function integer(value: string, flag: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min)
    throw new InputError('SEAMS_OPTION_INVALID', `${flag} must be a whole number of at least ${min}, got '${value}'.`);
  return number;
}

function positive(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new InputError('SEAMS_OPTION_INVALID', `${flag} must be a positive number, got '${value}'.`);
  return number;
}
