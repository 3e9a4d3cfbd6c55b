import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError, InputError, validatePlan } from '@seams/graph';
import { askGit, changedFiles, repositoryPrefix } from '../git-changes.ts';
import { loadOrAnalyze } from '../load-graph.ts';
import { parsePlanText, printWarnings, projectPlanPath, readPlanText } from '../read-plan.ts';
import type { Streams } from '../streams.ts';
import { ValidatedInputs } from '../validated-inputs.ts';
import { writeFileAtomic } from '../write-file.ts';

interface CheckFlags {
  plan?: string;
  graph?: string;
  /** A file; false with --no-baseline; absent: seams.baseline.json in the project folder, when there is one. */
  baseline?: string | false;
  updateBaseline?: boolean;
  format: 'text' | 'json' | 'sarif' | 'github';
  changed?: string | true;
  output?: string;
  include?: string[];
  exclude?: string[];
}

/** What the command leaves for `run` to return: 1 when the check found something new. */
export interface CommandOutcome {
  exitCode: number;
}

export function checkCommand(streams: Streams, outcome: CommandOutcome): Command {
  return new Command('check')
    .description(
      'Guardrails: imports that cross service boundaries against the plan (internals, undeclared dependencies, loops between services, forbidden shared files); exit code 1 on new findings.',
    )
    .argument('[dir]', 'project folder (analysed with the cache)', '.')
    .option('--plan <file>', 'the plan the code must keep to (default: seams.plan.json in the project folder)')
    .option('--graph <file>', 'a graph from seams analyze -o (instead of analysing the folder)')
    .option(
      '--include <glob...>',
      'only check files matching these globs (relative to dir), e.g. sources without their tests',
    )
    .option('--exclude <glob...>', 'leave out files matching these globs (relative to dir)')
    .option(
      '--baseline <file>',
      'known findings: only findings not in it fail the check; entries no longer found are reported as stale (default: seams.baseline.json in the project folder, when present)',
    )
    .option('--no-baseline', 'ignore the baseline: every finding fails the check')
    .option(
      '--update-baseline',
      'write the current findings to the baseline (default file: seams.baseline.json in the project folder) and exit 0',
    )
    .addOption(
      new Option('--format <format>', 'output format; in GitHub Actions, text also prints annotations')
        .choices(['text', 'json', 'sarif', 'github'])
        .default('text'),
    )
    .option(
      '--changed [ref]',
      'check only files changed against a git ref (default HEAD), staged, unstaged or new: for pre-commit hooks',
    )
    .option('-o, --output <file>', 'write the output to this file instead of stdout (e.g. results.sarif)')
    .addHelpText(
      'after',
      `
Examples:
  $ seams check . --update-baseline                 adopt on day one: today's findings become the baseline
  $ seams check .                                   in CI: only findings not in seams.baseline.json fail (exit code 1)
  $ seams check . --changed                         pre-commit: the files you changed
  $ seams check . --no-baseline                     every finding, the baseline ignored
  $ seams check . --format sarif -o seams.sarif     for GitHub code scanning
  $ seams check . --include 'packages/*/src/**'     the layering of a monorepo's sources, tests left out`,
    )
    .action(async (dir: string, flags: CheckFlags) => {
      if (flags.updateBaseline && flags.baseline === false)
        throw new ConfigError(
          'SEAMS_OPTION_INVALID',
          '--update-baseline writes the baseline, so it cannot be combined with --no-baseline.',
        );
      if (flags.updateBaseline && flags.changed)
        throw new ConfigError(
          'SEAMS_OPTION_INVALID',
          '--update-baseline records every finding, so it cannot be limited with --changed; run it without --changed.',
        );
      const project = resolve(streams.cwd, dir);
      const ref = flags.changed === true ? 'HEAD' : flags.changed;
      // Analysing the folder, git can list its changes while the plan and graph load (a pre-commit hook waits on all).
      const asked = ref !== undefined && !flags.graph ? askGit(project, ref) : undefined;
      // The plan and the baseline are validated once per content: a warm run finds their hashes in the cache.
      const inputs = await ValidatedInputs.of(flags.graph ? undefined : project);
      const planPath = projectPlanPath(streams.cwd, dir, flags.plan);
      const { value: plan, warnings: planWarnings } = inputs.read('plan', readPlanText(planPath), (text) => {
        const parsed = parsePlanText(text, planPath);
        return { value: parsed, warnings: validatePlan(parsed).warnings };
      });
      const origin = relative(streams.cwd, planPath) || planPath;
      const graph = await loadOrAnalyze(flags.graph ? resolve(streams.cwd, flags.graph) : project, {
        include: flags.include,
        exclude: flags.exclude,
        // A pre-commit hook: git knows which files changed, so the tree need not be walked.
        ...(asked ? { trustGit: asked } : {}),
      });
      const files = ref === undefined ? undefined : await changedFiles(asked ?? askGit(graph.root, ref));
      printWarnings(
        streams,
        planWarnings.map((warning) => `${origin}: ${warning}`),
      );
      // With --include or --exclude, plan files left out of the analysis are not missing.
      const analysed =
        flags.include || flags.exclude
          ? (await import('@seams/analyze')).fileFilter({ include: flags.include, exclude: flags.exclude }).accepts
          : undefined;
      const {
        applyBaseline,
        checkPlan,
        countLine,
        createBaseline,
        extractionsOf,
        formatCheck,
        parseBaseline,
        unmatchedEntries,
        withoutCommands,
      } = await import('@seams/check');
      printWarnings(
        streams,
        unmatchedEntries(plan, graph.files).map((warning) => `${origin}: ${warning}`),
      );
      // Folders seams extract wrote hold files no plan lists: their extraction.json says whose they are.
      const listed = new Set([...plan.services.flatMap((service) => service.files), ...plan.shared.map((s) => s.path)]);
      const unlisted = graph.files.map((file) => file.path).filter((path) => !listed.has(path));
      const extractions = extractionsOf(unlisted, (path) => readIfThere(join(graph.root, path)));
      const findings = checkPlan(graph, plan, {
        origin,
        extractions,
        ...(files ? { files } : {}),
        ...(analysed ? { analysed } : {}),
      });

      if (flags.updateBaseline) {
        const path = resolve(streams.cwd, flags.baseline || join(project, DEFAULT_BASELINE));
        writeFileAtomic(path, JSON.stringify(createBaseline(findings), null, 2) + '\n');
        inputs.save();
        streams.stdout.write(
          `seams check: ${findings.length} finding${findings.length === 1 ? '' : 's'} recorded in ${relative(streams.cwd, path) || path}; only new ones will fail\n`,
        );
        return;
      }
      // The file --update-baseline wrote is read without asking, so "only new ones will fail" holds for a plain check.
      const baselinePath =
        flags.baseline === false
          ? undefined
          : flags.baseline
            ? resolve(streams.cwd, flags.baseline)
            : existing(join(project, DEFAULT_BASELINE));
      const baseline = baselinePath
        ? inputs.read('baseline', readText(baselinePath), (text) => ({
            value: parseBaseline(parseJson(text, baselinePath), baselinePath),
            warnings: [],
          })).value
        : undefined;
      inputs.save();
      const result = applyBaseline(findings, baseline, files ? { files } : {});

      // Text is read where seams runs; annotations and SARIF name files from the repository's top.
      // Asked of git only where it is used: one process fewer for the usual text run.
      const annotated = flags.format !== 'text' || streams.env?.GITHUB_ACTIONS === 'true';
      const inRepository = annotated ? repositoryPrefix(graph.root) : undefined;
      const shownBaseline = baselinePath && (relative(streams.cwd, baselinePath) || baselinePath);
      const readerOptions =
        flags.format === 'text'
          ? { prefix: relative(streams.cwd, graph.root), ...(shownBaseline ? { baseline: shownBaseline } : {}) }
          : { ...(inRepository ? { prefix: inRepository } : {}), root: graph.root };
      const { output, exitCode } = await formatCheck(flags.format, result, readerOptions);
      let text = output;
      if (flags.format === 'text' && streams.env?.GITHUB_ACTIONS === 'true') {
        // The log shows the text with workflow commands off (a file name could start one), then the annotations.
        const annotations = await formatCheck('github', result, inRepository ? { prefix: inRepository } : {});
        text = (flags.output ? text : withoutCommands(text)) + annotations.output;
      }
      if (flags.output) {
        writeFileAtomic(resolve(streams.cwd, flags.output), text);
        streams.stdout.write(`seams check: ${countLine(result, shownBaseline)}; written to ${flags.output}\n`);
      } else streams.stdout.write(text);
      // A first check on an existing codebase finds its whole debt: say how to adopt it (stderr: stdout is the report).
      if (flags.baseline === undefined && !baselinePath && !files && result.fresh.length > 0) {
        const where = relative(streams.cwd, project) || '.';
        streams.stderr.write(
          `no baseline yet: \`seams check ${where} --update-baseline\` records these findings in ${DEFAULT_BASELINE}` +
            ', and later checks fail only on new ones\n',
        );
      }
      outcome.exitCode = exitCode;
    });
}

const DEFAULT_BASELINE = 'seams.baseline.json';

function existing(path: string): string | undefined {
  return existsSync(path) ? path : undefined;
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      'SEAMS_INPUT_NOT_FOUND',
      `cannot read the baseline ${path} (${(error as NodeJS.ErrnoException).code}); create it with --update-baseline.`,
    );
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError('SEAMS_BASELINE_INVALID', `${path} is not valid JSON: ${(error as Error).message}`);
  }
}
