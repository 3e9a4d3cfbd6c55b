import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { InputError, SEAMS_VERSION, serviceLabels, type Plan } from '@seams/graph';
import { loadOrAnalyze } from '../load-graph.ts';
import { planWarnings, printWarnings, readProjectPlan } from '../read-plan.ts';
import type { Streams } from '../streams.ts';
import { writeFileAtomic } from '../write-file.ts';

interface ExtractFlags {
  plan?: string;
  graph?: string;
  out?: string;
  tsconfig: string;
  write?: boolean;
  force?: boolean;
}

export function extractCommand(streams: Streams): Command {
  return new Command('extract')
    .description(
      "Strangler-fig extraction of one service: its contract (types, zod, OpenAPI), a routing facade in the monolith (local, remote, shadow, percentage), a scaffolded service (HTTP server, client, Lambda adapter, Dockerfile), a codemod pointing the monolith's imports at the facade, and a report of what needs a person.",
    )
    .argument('<service>', 'service id or name from the plan')
    .argument('[dir]', 'project folder (analysed with the cache)', '.')
    .option('--plan <file>', 'the plan (default: seams.plan.json in the project folder)')
    .option('--graph <file>', 'a graph from seams analyze -o (instead of analysing the folder)')
    .option(
      '--out <dir>',
      'where the generated files go, relative to the project folder (default: extracted/<service>)',
    )
    .option('--tsconfig <file>', "the monolith's tsconfig, relative to the project folder", 'tsconfig.json')
    .option('--write', "apply the codemod to the monolith's files (default: print it as a unified diff)")
    .option('--force', 'overwrite generated files that differ, and apply the codemod on a dirty git tree')
    .addHelpText(
      'after',
      `
Examples:
  $ seams extract payment fixtures/shop                 generate, print the codemod as a diff
  $ seams extract payment . --write                     generate and point the monolith at the facade
  $ SEAMS_ROUTE_PAYMENT=remote SEAMS_PAYMENT_URL=http://localhost:4010 npm test   route it, no rebuild`,
    )
    .action(async (serviceId: string, dir: string, flags: ExtractFlags) => {
      const root = resolve(streams.cwd, dir);
      const { plan, planPath } = readProjectPlan(streams.cwd, dir, flags.plan);
      const graph = await loadOrAnalyze(flags.graph ? resolve(streams.cwd, flags.graph) : root);
      printWarnings(streams, planWarnings(plan, graph, planPath, streams.cwd));
      const { id: service, name } = findService(plan, serviceId);
      // The folder takes the id, which stays when a person renames the service; messages take the name.
      const out = flags.out ?? `extracted/${service}`;
      // Our cache and our own output do not count: re-running after a first look must work.
      if (flags.write && !flags.force) refuseDirtyTree(graph.root, ['.seams', out]);
      const { extractService } = await import('@seams/extract');
      const extraction = await extractService(graph, plan, service, {
        root: graph.root,
        planName: relative(graph.root, planPath),
        out,
        tsconfig: flags.tsconfig,
        monolith: monolithName(graph.root),
        version: SEAMS_VERSION,
        readFile: (path) => readFileSync(join(graph.root, path), 'utf8'),
        previousEntries: previousEntries(join(graph.root, out, 'extraction.json')),
      });

      const conflicts = extraction.files.filter(
        (f) => existsSync(join(graph.root, f.path)) && readFileSync(join(graph.root, f.path), 'utf8') !== f.content,
      );
      if (conflicts.length > 0 && !flags.force) {
        throw new InputError(
          'SEAMS_OUTPUT_EXISTS',
          `${conflicts.length} generated file${conflicts.length === 1 ? '' : 's'} would overwrite changed files (${conflicts
            .slice(0, 3)
            .map((f) => f.path)
            .join(', ')}${conflicts.length > 3 ? ', ...' : ''}); pass --force to regenerate them.`,
        );
      }
      let written = 0;
      for (const file of extraction.files) {
        const path = join(graph.root, file.path);
        if (existsSync(path) && readFileSync(path, 'utf8') === file.content) continue;
        writeFileAtomic(path, file.content);
        written++;
      }
      const say = (text: string) => streams.stderr.write(text + '\n');
      say(
        `seams extract: ${name}: ${extraction.remoteReady.length} of ${extraction.model.operations.length} operations remote-ready, ${extraction.model.blockers.length} blockers`,
      );
      say(
        `  generated  ${extraction.files.length} files in ${out} (${written} written, ${extraction.files.length - written} unchanged)`,
      );
      say(`  report     ${out}/EXTRACTION.md`);
      if (extraction.edits.length === 0)
        say(`  codemod    nothing to change: no import reaches into ${name} past its facade`);
      else if (flags.write) {
        for (const edit of extraction.edits) writeFileAtomic(join(graph.root, edit.path), edit.after);
        say(`  codemod    ${extraction.edits.length} files now import ${name} through its facade`);
      } else {
        say(`  codemod    ${extraction.edits.length} files: the diff is on stdout; apply it with --write`);
        streams.stdout.write(extraction.diff);
      }
    });
}

/** The service a person named, by id or by name; an unknown one is a one-line error listing what there is. */
function findService(plan: Plan, wanted: string): { id: string; name: string } {
  const found = plan.services.find((s) => s.id === wanted) ?? plan.services.find((s) => s.name === wanted);
  if (found) return { id: found.id, name: serviceLabels(plan.services)(found.id) };
  // By name, with the id where it differs: both are accepted, and after a rename they part.
  const known = plan.services.map((s) => (!s.name || s.name === s.id ? s.id : `${s.name} (id ${s.id})`));
  throw new InputError(
    'SEAMS_INPUT_NOT_FOUND',
    `the plan has no service '${wanted}'; its services are ${known.join(', ') || 'none'}.`,
  );
}

function refuseDirtyTree(root: string, ours: readonly string[]): void {
  let status: string;
  try {
    status = execFileSync(
      'git',
      ['-C', root, 'status', '--porcelain', '--', '.', ...ours.map((path) => `:(exclude)${path}`)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch {
    throw new InputError(
      'SEAMS_GIT_FAILED',
      `${root} is not in a git repository, so --write could not be undone; commit it to git first, or pass --force.`,
    );
  }
  if (status.trim())
    throw new InputError(
      'SEAMS_GIT_DIRTY',
      'the git tree has uncommitted changes: commit or stash them so the codemod can be reviewed and undone on its own, or pass --force.',
    );
}

function monolithName(root: string): string {
  try {
    const name = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: string }).name;
    if (name) return name.replace(/^@[^/]+\//, '');
  } catch {
    // No package.json: the folder's name will do.
  }
  return basename(root);
}

// The entries an earlier run recorded: its codemod pointed their callers at the facade.
function previousEntries(path: string): string[] {
  if (!existsSync(path)) return [];
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { entries?: unknown };
    return Array.isArray(manifest.entries)
      ? manifest.entries.filter((entry): entry is string => typeof entry === 'string')
      : [];
  } catch {
    return [];
  }
}
