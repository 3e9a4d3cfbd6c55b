import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { InputError, matchPlan, type Plan, type ProgressListener } from '@seams/graph';
import { loadOrAnalyze } from '../load-graph.ts';
import { readPlan } from '../read-plan.ts';
import type { Streams } from '../streams.ts';
import { writeFileAtomic } from '../write-file.ts';
import { projectFiles } from '../project-files.ts';

interface UiFlags {
  plan?: string;
  graph?: string;
}

export function uiCommand(streams: Streams): Command {
  return new Command('ui')
    .description(
      'Explore the candidate services in the terminal and regroup them by hand: move files and folders, merge, split, rename, pin; undo, live metric deltas, atomic save.',
    )
    .argument('[target]', 'project folder, or a plan file to open', '.')
    .option(
      '--plan <file>',
      'plan to open and save (default: seams.plan.json in the project folder); computed when it does not exist yet',
    )
    .option('--graph <file>', 'a graph from seams analyze -o (instead of analysing the folder)')
    .addHelpText(
      'after',
      `
Examples:
  $ seams ui fixtures/shop                        analyse, cluster, then explore; w saves fixtures/shop/seams.plan.json
  $ seams ui seams.plan.json                      open a saved plan (the graph comes from the cache)
  $ seams ui . --graph graph.json --plan plan.json
Keys: ? in the UI lists them all.`,
    )
    .action(async (target: string, flags: UiFlags) => {
      const { dir, planPath } = locate(resolve(streams.cwd, target), flags, streams.cwd);
      // A broken plan is said before anything starts; whether it fits the project, once the graph is there.
      const saved = existsSync(planPath) ? readPlan(planPath) : undefined;
      if (!streams.terminal)
        throw new InputError(
          'SEAMS_NOT_A_TERMINAL',
          "seams ui needs an interactive terminal; in scripts and CI use 'seams boundaries' and 'seams report'.",
        );
      const env = streams.env ?? {};
      // Ink draws only its last frame when it believes it runs in CI (CI=true, read as it loads): a
      // person at a terminal is not CI, even inside a CI job's shell, so the UI must draw (and colour
      // detection, which also looks at CI, must see the terminal).
      for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[key];
      const { startUi } = await import('@seams/tui');
      await startUi({
        ...streams.terminal,
        // https://no-color.org: any non-empty NO_COLOR turns colour off.
        color: !env.NO_COLOR,
        load: (onProgress) =>
          load(dir, { path: planPath, saved }, flags.graph ? resolve(streams.cwd, flags.graph) : undefined, onProgress),
        save: (plan: Plan) => {
          writeFileAtomic(planPath, JSON.stringify(plan, null, 2) + '\n');
          const shown = relative(streams.cwd, planPath);
          return Promise.resolve(shown.startsWith('..') ? planPath : shown);
        },
      });
    });
}

// A plan file names its project in graph.root; a folder keeps its plan as seams.plan.json.
function locate(target: string, flags: UiFlags, cwd: string): { dir: string; planPath: string } {
  const isFile = existsSync(target) && statSync(target).isFile();
  if (!isFile)
    return { dir: target, planPath: flags.plan ? resolve(cwd, flags.plan) : join(target, 'seams.plan.json') };
  // An absolute root, or one relative to the plan's folder (a plan committed with "root": ".").
  const root = resolve(dirname(target), readPlan(target).graph.root);
  return { dir: existsSync(root) ? root : dirname(target), planPath: target };
}

async function load(
  dir: string,
  plan: { path: string; saved: Plan | undefined },
  graphFile: string | undefined,
  onProgress: ProgressListener,
) {
  const graph = await loadOrAnalyze(graphFile ?? dir, { onProgress });
  const title = basename(graph.root);
  if (plan.saved) {
    // Another project's plan would show its services under this project's name.
    matchPlan(plan.saved, graph, { origin: plan.path });
    return { graph, plan: plan.saved, saved: true, title };
  }
  const { proposeBoundaries } = await import('@seams/boundaries');
  return {
    graph,
    plan: proposeBoundaries(graph, { onProgress, ...(await projectFiles(graph)) }),
    saved: false,
    title,
  };
}
