import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { Command } from 'commander';
import { InputError, SEAMS_VERSION, serviceLabels, type Plan } from '@seams/graph';
import type { RewriteCounts } from '@seams/extract';
import { loadOrAnalyze } from '../load-graph.ts';
import { planWarnings, printWarnings, readProjectPlan } from '../read-plan.ts';
import type { Streams } from '../streams.ts';
import type { CommandOutcome } from './check-command.ts';
import { writeFileAtomic } from '../write-file.ts';
import { refuseDirtyTree, refuseGraphElsewhere, refuseOutsideGit, refuseWritesOutside } from './extract-guards.ts';

interface ExtractFlags {
  plan?: string;
  graph?: string;
  out?: string;
  tsconfig?: string;
  write?: boolean;
  force?: boolean;
}

export function extractCommand(streams: Streams, outcome: CommandOutcome): Command {
  return new Command('extract')
    .description(
      "Strangler-fig extraction of one service: its contract (types, zod, OpenAPI), a routing facade in the monolith (local, remote, shadow, percentage), a scaffolded service (HTTP server, client, Lambda adapter, Dockerfile), a codemod pointing the monolith's imports at the facade, and a report of what needs a person.",
    )
    .argument('<service>', 'service id or name from the plan')
    .argument('[dir]', 'project folder (analysed with the cache)', '.')
    .option('--plan <file>', 'the plan (default: seams.plan.json in the project folder)')
    .option('--graph <file>', 'a graph from seams analyze -o (instead of analysing the folder)')
    .option('--out <dir>', 'where the generated files go (default: extracted/<service> in the project folder)')
    .option(
      '--tsconfig <file>',
      "the monolith's tsconfig, relative to the project folder, or none for plain JavaScript (default: tsconfig.json when there is one)",
    )
    .option('--write', "apply the codemod to the monolith's files (default: print it as a unified diff)")
    .option(
      '--force',
      'overwrite generated files that differ, apply the codemod on a dirty git tree, and write the files of a service with nothing that can go remote',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ seams extract payment fixtures/shop                 generate, print the codemod as a diff
  $ seams extract payment . --write                     generate and point the monolith at the facade
  $ SEAMS_ROUTE_PAYMENT=remote SEAMS_PAYMENT_URL=http://127.0.0.1:4010 npm test  route it, no rebuild
    (the service and the monolith share SEAMS_PAYMENT_TOKEN, a secret)`,
    )
    .action(async (serviceId: string, dir: string, flags: ExtractFlags) => {
      // The project is the folder the user names: never the root a graph or plan recorded elsewhere.
      const root = resolve(streams.cwd, dir);
      const { plan, planPath } = readProjectPlan(streams.cwd, dir, flags.plan);
      if (flags.write && !flags.force) refuseOutsideGit(root);
      const graphFile = flags.graph ? resolve(streams.cwd, flags.graph) : undefined;
      const graph = await loadOrAnalyze(graphFile ?? root);
      if (graphFile) refuseGraphElsewhere(graph.root, root, relative(streams.cwd, graphFile) || graphFile);
      printWarnings(streams, planWarnings(plan, graph, planPath, streams.cwd));
      // The folder takes the id, which stays when a person renames the service; messages take the name.
      const { id: service, name } = findService(plan, serviceId);
      const { checkInputs, extractService } = await import('@seams/extract');
      // Once, before the id and the plan's paths name any file read or written (extraction.json below).
      checkInputs(graph, plan, service);
      // --out as written: absolute, or relative to where the command runs, like --plan and --graph.
      const outDir = flags.out ? resolve(streams.cwd, flags.out) : join(root, 'extracted', service);
      const out = relative(root, outDir).split(sep).join('/') || '.';
      const shown = relative(streams.cwd, outDir) || '.';
      const tsconfig =
        flags.tsconfig === 'none'
          ? undefined
          : (flags.tsconfig ?? (existsSync(join(root, 'tsconfig.json')) ? 'tsconfig.json' : undefined));
      const extraction = await extractService(graph, plan, service, {
        root,
        planName: relative(root, planPath),
        out,
        tsconfig,
        monolith: monolithName(root),
        version: SEAMS_VERSION,
        readFile: (path) => readFileSync(join(root, path), 'utf8'),
        previousEntries: previousEntries(join(outDir, 'extraction.json')),
      });
      if (!extraction.extractable && !flags.force) {
        // Files for a service with nothing to route would only be a facade that re-exports the monolith's code.
        streams.stderr.write(
          `seams extract: ${name}: nothing can go remote yet, so nothing was written (--force writes the files anyway):\n${extraction.explanation.join('\n')}\n`,
        );
        // Findings (1): what stands in the way was found, and is the answer.
        outcome.exitCode = 1;
        return;
      }
      const generated = extraction.files.map((f) => resolve(root, f.path));
      // The facade's side may go to the monolith's compilation scope rather than --out: it stays in its own folder.
      const facadeDir = resolve(root, extraction.facadeFolder);
      const moved = relative(outDir, facadeDir).startsWith('..');
      const inFacade = (path: string) => moved && !relative(facadeDir, path).startsWith('..');
      refuseWritesOutside(
        outDir,
        generated.filter((path) => !inFacade(path)),
        'the generated file',
      );
      refuseWritesOutside(root, generated.filter(inFacade), 'the generated file');
      refuseWritesOutside(
        root,
        extraction.edits.map((e) => resolve(root, e.path)),
        "the codemod's edit of",
      );
      const conflicts = generated.filter(
        (path, i) => existsSync(path) && readFileSync(path, 'utf8') !== extraction.files[i]!.content,
      );
      if (conflicts.length > 0 && !flags.force) {
        throw new InputError(
          'SEAMS_OUTPUT_EXISTS',
          `${conflicts.length} generated file${conflicts.length === 1 ? '' : 's'} would overwrite changed files (${conflicts
            .slice(0, 3)
            .map((path) => relative(streams.cwd, path))
            .join(', ')}${conflicts.length > 3 ? ', ...' : ''}); pass --force to regenerate them.`,
        );
      }
      if (flags.write && !flags.force) refuseDirtyTree(root, generated);
      let written = 0;
      extraction.files.forEach((file, i) => {
        const path = generated[i]!;
        if (existsSync(path) && readFileSync(path, 'utf8') === file.content) return;
        writeFileAtomic(path, file.content);
        written++;
      });
      const say = (text: string) => streams.stderr.write(text + '\n');
      say(
        `seams extract: ${name}: ${extraction.remoteReady.length} of ${extraction.model.operations.length} operations remote-ready, ${extraction.model.blockers.length} blockers`,
      );
      say(
        `  generated  ${extraction.files.length} files in ${shown} (${written} written, ${extraction.files.length - written} unchanged)`,
      );
      if (moved)
        say(
          `  facade     ${relative(streams.cwd, facadeDir)}: inside ${extraction.toolchain.scope}, which the monolith compiles`,
        );
      say(`  report     ${join(shown, 'EXTRACTION.md')}`);
      if (extraction.routes.length > 0) {
        const server = extraction.files.find((f) => /\/service\/src\/(?:routes|nest)-main\.ts$/.test(f.path));
        // Where the layer was written: the facade's folder, moved into the monolith's scope when it had to be.
        const at = generated.findIndex((path) => /^routes\.[cm]?[jt]s$/.test(relative(facadeDir, path)));
        const layer = at >= 0 ? relative(streams.cwd, generated[at]!) : join(shown, 'facade', 'routes.ts');
        say(
          `  routes     ${extraction.routes.length} HTTP route${extraction.routes.length === 1 ? '' : 's'} behind a routing layer (${layer}), an nginx table in ${join(shown, 'edge')}`,
        );
        say(
          `             route server: ${server ? relative(streams.cwd, resolve(root, server.path)) : 'none, the routers are not Express (EXTRACTION.md says what to do)'}`,
        );
      }
      const statements = rewrittenStatements(extraction.rewritten);
      // The monolith's tsconfig, when it took in every file: its exclude now leaves the service's folder out.
      const scoped = extraction.edits.some((e) => e.path === tsconfig);
      const files = extraction.edits.length - (scoped ? 1 : 0);
      if (flags.write) for (const edit of extraction.edits) writeFileAtomic(join(root, edit.path), edit.after);
      else if (extraction.edits.length > 0) streams.stdout.write(extraction.diff);
      if (scoped)
        say(
          `  tsconfig   ${tsconfig} ${flags.write ? 'now leaves' : 'would leave'} the service's folder out: it builds on its own`,
        );
      if (files === 0)
        say(`  codemod    nothing to change: every import of what ${name}'s facade routes goes through it`);
      else if (flags.write) say(`  codemod    ${files} files now import ${name} through its facade (${statements})`);
      else say(`  codemod    ${files} files (${statements}): the diff is on stdout; apply it with --write`);
      if (extraction.manual.length > 0) {
        say(`  by hand    ${extraction.manual.length} the codemod left alone (also in EXTRACTION.md):`);
        for (const m of extraction.manual.slice(0, 10)) say(`    ${m.file}:${m.line}: ${m.reason}`);
        if (extraction.manual.length > 10) say(`    ... and ${extraction.manual.length - 10} more`);
      }
      const direct = new Set(extraction.direct.map((d) => d.file)).size;
      if (direct > 0)
        say(
          `  direct     ${direct === 1 ? '1 file still imports' : `${direct} files still import`} ${name}'s files: the names they take stay local (EXTRACTION.md lists them and why)`,
        );
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

const KINDS: Record<keyof RewriteCounts, string> = {
  import: 'import',
  reexport: 're-export',
  require: 'require()',
  dynamic: 'import()',
  'import-type': 'import() type',
};

// "7 statements: 5 imports, 1 re-export, 1 require()": the files counted, and what moved in them.
function rewrittenStatements(counts: RewriteCounts): string {
  const kinds = Object.keys(KINDS) as Array<keyof RewriteCounts>;
  const parts = kinds
    .filter((kind) => counts[kind] > 0)
    .map(
      (kind) =>
        `${counts[kind]} ${KINDS[kind]}${counts[kind] > 1 && /[a-z]$/.test(KINDS[kind]) && kind !== 'import-type' ? 's' : ''}`,
    );
  const total = kinds.reduce((sum, kind) => sum + counts[kind], 0);
  return `${total} statement${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
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
