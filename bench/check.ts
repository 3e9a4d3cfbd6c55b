// Benchmark: `seams check --changed` (a pre-commit hook) vs dependency-cruiser's rule validation
// on the synthetic 10k-file monolith, after the same 20-file edit with warm caches; wall time,
// peak memory and the findings each reported.
//
//   node bench/check.ts [--rounds 5] [--depcruise-rounds 3] [--files 20] [--skip-depcruise]
//
// See the "seams check" section of bench/README.md for how to read the output.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BASELINE,
  DEPCRUISE_CACHE,
  KNOWN,
  PLAN,
  commitAll,
  copyAsRepository,
  declareBarrelsPublic,
  editFiles,
  resetToHead,
} from './check-work.ts';
import { table, type Run } from './check-table.ts';
import { ensureInputs } from './inputs.ts';
import { measure } from './measure.ts';
import { ensureTools, installSeams, pinnedNode, seamsRevision, type Paths } from './tools.ts';

const repo = resolve(import.meta.dirname, '..');
const paths: Paths = { repo, bench: join(repo, 'bench'), tools: join(repo, '.bench/tools'), node: pinnedNode(repo) };
const work = join(repo, '.bench/work/check-10k');
const logs = join(repo, '.bench/out/check');
const log = (s: string): void => console.log(s);

// Other work on the machine skews every wall time: the load average is printed at start and end.
const loadAtStart = loadavg()[0]!;

// Step 1: flags.
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'depcruise-rounds': { type: 'string', default: '3' },
    files: { type: 'string', default: '20' },
    'skip-depcruise': { type: 'boolean', default: false },
  },
});
const skipDepcruise = values['skip-depcruise'];
const rounds = Number(values.rounds),
  dcRounds = skipDepcruise ? 0 : Math.min(rounds, Number(values['depcruise-rounds'])),
  fileCount = Number(values.files);

// Step 1b: seams as users run it, from a copy of the bundle (tools.ts, installSeams).
const seams = installSeams(repo, join(repo, '.bench/check-seams'));

// Step 2: the baseline tool and the input (installed / generated once, shared with bench/run.ts).
const versions: Record<string, string> = {
  seams: seamsRevision(repo),
  ...(skipDepcruise ? { 'dependency-cruiser': 'skipped' } : ensureTools(paths, log)),
};
const [input] = ensureInputs(join(repo, '.bench'), ['synthetic-10k'], log);
rmSync(logs, { recursive: true, force: true });
mkdirSync(logs, { recursive: true });

type Tool = 'seams' | 'depcruise' | 'floor';

/** One measured run; exit codes that mean "findings" are fine, anything else stops the benchmark. */
async function run(tool: Tool, label: string, args: string[]): Promise<Run> {
  const file = join(logs, label.replace(/\W+/g, '-'));
  const argv =
    tool === 'seams'
      ? [seams, ...args]
      : tool === 'floor'
        ? [paths.node, join(paths.bench, 'walk-floor.ts'), ...args]
        : [
            paths.node,
            join(paths.tools, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
            'src',
            '--ts-config',
            'tsconfig.json',
            ...args,
          ];
  const m = await measure({
    argv,
    cwd: work,
    stdoutFile: `${file}.out`,
    stderrFile: `${file}.err`,
    timeoutMs: 15 * 60_000,
  });
  const out = readFileSync(`${file}.out`, 'utf8');
  // seams: 1 = new findings, 2 = error. dependency-cruiser: the exit code is the number of errors.
  const ok =
    tool === 'seams'
      ? m.exitCode === 0 || m.exitCode === 1
      : tool === 'floor'
        ? m.exitCode === 0
        : m.exitCode === 0 || /x \d+ dependency violations/.test(out);
  if (!ok || m.status === 'timeout')
    throw new Error(`${label}: ${m.status}, exit ${m.exitCode}\n${m.stderrTail ?? ''}\n(see ${file}.out/.err)`);
  return { wallS: m.wallS, cpuS: m.cpuS ?? NaN, peakMB: m.peakMB ?? 0, out };
}

const seamsCheck = (...extra: string[]): string[] => ['check', '.', '--plan', PLAN, '--baseline', BASELINE, ...extra];
const depcruise = (...extra: string[]): string[] => [
  '--config',
  join(paths.bench, 'depcruise.check.cjs'),
  '--ignore-known',
  KNOWN,
  ...extra,
];
const cacheDir = join(work, '.seams/cache'),
  snapshot = `${work}.cache-snapshot`;

// Step 3: the working copy: a git repository with the plan, the seams baseline and dependency-cruiser's
// known violations committed, so that both tools report only what an edit adds.
log(`\npreparing ${work} ...`);
copyAsRepository(input!.dir, work);
execFileSync(seams, ['boundaries', '.', '-o', PLAN], { cwd: work, stdio: 'ignore' });
const barrels = declareBarrelsPublic(work);
execFileSync(seams, ['check', '.', '--update-baseline'], { cwd: work, stdio: 'ignore' });
if (!skipDepcruise)
  await run('depcruise', 'depcruise-baseline', [
    '--config',
    join(paths.bench, 'depcruise.check.cjs'),
    '--baseline',
    KNOWN,
  ]);
commitAll(work, 'plan, seams baseline, dependency-cruiser known violations');

// Step 4: cold runs, on the committed tree: no seams cache, no dependency-cruiser cache.
const results = new Map<string, Run[]>();
const record = (key: string, r: Run): void => {
  results.set(key, [...(results.get(key) ?? []), r]);
};
rmSync(join(work, '.seams'), { recursive: true, force: true });
record('seams-cold', await run('seams', 'seams-cold', seamsCheck()));
if (!skipDepcruise)
  record('dc-cold', await run('depcruise', 'depcruise-cache-cold', depcruise('--cache', DEPCRUISE_CACHE)));

// Step 5: the rounds. Each starts from HEAD with the seams cache in step (a full run before),
// edits its own files, and measures with the edits uncommitted, as a pre-commit hook runs.
let crossing = 0;
for (let r = 0; r < rounds; r++) {
  resetToHead(work);
  await run('seams', `warm-up-${r}`, seamsCheck());
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(cacheDir, snapshot, { recursive: true });
  crossing = editFiles(work, r, fileCount).crossing;
  // --changed and the whole tree each start from that same cache; which goes first alternates.
  for (const mode of r % 2 === 0 ? ['changed', 'full'] : ['full', 'changed']) {
    rmSync(cacheDir, { recursive: true, force: true });
    cpSync(snapshot, cacheDir, { recursive: true });
    if (mode === 'full') record('seams-full', await run('seams', `seams-full-${r}`, seamsCheck()));
    else {
      record('seams-changed', await run('seams', `seams-changed-${r}`, seamsCheck('--changed')));
      record('seams-changed-again', await run('seams', `seams-changed-again-${r}`, seamsCheck('--changed')));
    }
  }
  // Nothing edited since: analyze finds every file's stat as cached (a cache hit), next to the bare walk + stat.
  for (const what of r % 2 === 0 ? ['analyze', 'floor'] : ['floor', 'analyze']) {
    if (what === 'analyze')
      record('seams-analyze-warm', await run('seams', `seams-analyze-warm-${r}`, ['analyze', '.']));
    else record('walk-floor', await run('floor', `walk-floor-${r}`, ['.']));
  }
  if (r < dcRounds) {
    record('dc-cache', await run('depcruise', `depcruise-cache-${r}`, depcruise('--cache', DEPCRUISE_CACHE)));
    record(
      'dc-cache-again',
      await run('depcruise', `depcruise-cache-again-${r}`, depcruise('--cache', DEPCRUISE_CACHE)),
    );
    record('dc-plain', await run('depcruise', `depcruise-plain-${r}`, depcruise()));
  }
  log(
    `  round ${r + 1}/${rounds}: seams --changed ${results.get('seams-changed')!.at(-1)!.wallS}s${r < dcRounds ? `, depcruise --cache ${results.get('dc-cache')!.at(-1)!.wallS}s` : ''}`,
  );
}
resetToHead(work);
rmSync(snapshot, { recursive: true, force: true });

// Step 6: the table.
log('');
log(
  `== seams check vs dependency-cruiser ${versions['dependency-cruiser']} on ${input!.name} (${input!.files.total} files), Node ${process.version}, seams ${versions.seams}`,
);
log(
  `   ${cpus().length} CPUs, load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (other processes skew wall times)`,
);
log(
  `   each round edits ${fileCount} files (${crossing} of them gain an import deep into another domain's repositories/), uncommitted; seams ${rounds} rounds, depcruise ${dcRounds}`,
);
log(table(results, fileCount));
const medianOf = (key: string, of: 'wallS' | 'cpuS'): number => {
  const xs = results
    .get(key)!
    .map((r) => r[of])
    .sort((a, b) => a - b);
  return xs.length % 2 ? xs[xs.length >> 1]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2;
};
log(
  `warm analyze / bare walk + stat: ${(medianOf('seams-analyze-warm', 'wallS') / medianOf('walk-floor', 'wallS')).toFixed(1)}x wall, ${(medianOf('seams-analyze-warm', 'cpuS') / medianOf('walk-floor', 'cpuS')).toFixed(1)}x CPU (target: 2x)`,
);
log('');
log(
  `Services differ: seams checks the plan of \`seams boundaries\` (clustering; ${barrels} domain barrels made public entries),`,
);
log(
  'dependency-cruiser a folder rule (a domain may import another only through its index.ts). Same kind of job, not identical findings.',
);
