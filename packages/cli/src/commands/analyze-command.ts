import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { ForeignFormat } from '@seams/analyze';
import { InputError, summarizeGraph, type Graph } from '@seams/graph';
import { formatSummary } from '../format-summary.ts';
import { createNdjsonProgress, createProgressBar } from '../progress-bar.ts';
import type { Streams } from '../streams.ts';
import { historyOptions } from '../load-graph.ts';
import { loadConfig } from '../load-config.ts';
import { writeFileAtomic } from '../write-file.ts';

interface AnalyzeFlags {
  output?: string;
  json?: boolean;
  include?: string[];
  exclude?: string[];
  cache: boolean;
  cacheDir?: string;
  gitignore: boolean;
  maxFileSize: string;
  from?: string;
  fromFormat?: ForeignFormat;
  progress: 'bar' | 'ndjson' | 'none';
  history?: boolean;
  since?: string;
  maxCommits?: string;
}

export function analyzeCommand(streams: Streams): Command {
  return new Command('analyze')
    .description(
      'Build the dependency graph of a TS/JS project: files, imports, re-exports, require, dynamic import, tsconfig paths, workspaces.',
    )
    .argument('[dir]', 'folder of the project to analyse', '.')
    .option('-o, --output <file>', 'write the graph JSON to this file')
    .option('--json', 'print the summary as JSON instead of text')
    .option('--include <glob...>', 'only analyse files matching these globs (relative to dir)')
    .option('--exclude <glob...>', 'skip files matching these globs (relative to dir)')
    .option('--no-cache', 'ignore and do not update the .seams/cache facts cache')
    .option('--cache-dir <dir>', 'where the cache lives (default <dir>/.seams/cache)')
    .option('--no-gitignore', 'analyse files that .gitignore excludes')
    .option('--max-file-size <MB>', 'skip files larger than this, e.g. generated bundles', '4')
    .option(
      '--history',
      'also read the git history: churn, authors, CODEOWNERS owners, files changed together (or set "history" in seams.config.json)',
    )
    .option('--since <date>', "with --history: oldest commits to read, as git takes it ('12 months ago')")
    .option('--max-commits <n>', 'with --history: newest commits to read at most (default 5000)')
    .option(
      '--from <file>',
      "import a graph instead of analysing: madge --json, depcruise --output-type json, a {nodes, edges} JSON graph, or 'from<TAB>to' lines",
    )
    .addOption(
      new Option('--from-format <format>', 'format of --from when it cannot be detected').choices([
        'madge',
        'depcruise',
        'edgelist',
        'json-graph',
      ]),
    )
    .addOption(
      new Option('--progress <mode>', 'progress on stderr: a bar on a terminal, one JSON event per line, or none')
        .choices(['bar', 'ndjson', 'none'])
        .default('bar'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ seams analyze fixtures/shop                       summary of the example monolith
  $ seams analyze . -o graph.json                     save the graph for the next steps
  $ seams analyze src --exclude '**/*.test.ts' --json summary as JSON, tests left out
  $ seams analyze --from depcruise.json -o graph.json reuse dependency-cruiser's output
  $ seams analyze --from edges.tsv -o graph.json      any language: one 'from<TAB>to' per line
  $ seams analyze . --history --since '12 months ago' -o graph.json   with churn, owners and co-change`,
    )
    .action(async (dir: string, flags: AnalyzeFlags) => {
      // Loaded on use: the parser and resolver are native modules that `seams --help` should not wait for.
      const { importGraph } = await import('@seams/analyze');
      const graph = flags.from
        ? importGraph(resolve(streams.cwd, flags.from), flags.fromFormat)
        : await analyzeDir(resolve(streams.cwd, dir), flags, streams);
      if (graph.files.length === 0) {
        throw new InputError(
          'SEAMS_INPUT_EMPTY',
          `no source files found in ${flags.from ?? dir} (.ts .tsx .mts .cts .js .jsx .mjs .cjs); check the path and --include/--exclude.`,
        );
      }
      if (flags.output) writeFileAtomic(resolve(streams.cwd, flags.output), JSON.stringify(graph) + '\n');
      const summary = summarizeGraph(graph);
      streams.stdout.write(flags.json ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary, flags.output));
    });
}

async function analyzeDir(root: string, flags: AnalyzeFlags, streams: Streams): Promise<Graph> {
  const megabytes = Number(flags.maxFileSize);
  if (!Number.isFinite(megabytes) || megabytes <= 0)
    throw new InputError(
      'SEAMS_OPTION_INVALID',
      `--max-file-size must be a positive number of megabytes, got '${flags.maxFileSize}'.`,
    );
  const { analyze } = await import('@seams/analyze');
  const bar =
    flags.progress === 'ndjson'
      ? createNdjsonProgress(streams.stderr)
      : flags.progress === 'bar'
        ? createProgressBar(streams.stderr)
        : { listener: () => {}, done: () => {} };
  const warnings: string[] = [];
  const maxCommits = flags.maxCommits === undefined ? undefined : Number(flags.maxCommits);
  if (maxCommits !== undefined && !(Number.isInteger(maxCommits) && maxCommits > 0))
    throw new InputError(
      'SEAMS_OPTION_INVALID',
      `--max-commits must be a positive whole number, got '${flags.maxCommits}'.`,
    );
  const asked =
    flags.history || flags.since || maxCommits
      ? { ...(flags.since ? { since: flags.since } : {}), ...(maxCommits ? { maxCommits } : {}) }
      : undefined;
  try {
    return await analyze({
      root,
      history: historyOptions(loadConfig(root), asked),
      include: flags.include,
      exclude: flags.exclude,
      cache: flags.cache,
      cacheDir: flags.cacheDir ? resolve(streams.cwd, flags.cacheDir) : undefined,
      gitignore: flags.gitignore,
      maxFileBytes: megabytes * 1024 * 1024,
      onProgress: (event) => {
        if (event.type === 'warning') warnings.push(event.message);
        bar.listener(event);
      },
    });
  } finally {
    bar.done();
    // ndjson readers already got each warning as an event.
    if (flags.progress !== 'ndjson') for (const warning of warnings) streams.stderr.write(`warning: ${warning}\n`);
  }
}
