// End to end on the synthetic monolith: `seams analyze`, `boundaries` and `report --format html`, each stage a
// fresh process of the built CLI under GNU time (wall, user + system CPU, peak RSS), in several runs.
//
//   node bench/e2e.ts [--sizes 10k,50k] [--runs 3]
//
// See bench/README.md ("End to end on the synthetic monolith").
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureInputs, warmPageCache } from './inputs.ts';
import { spread } from './stats.ts';
import { installSeams, pinnedNode, seamsRevision } from './tools.ts';

type Stage = 'analyze' | 'boundaries' | 'report';
type Row = Stage | 'end to end' | 'floor';
type Sample = { wallS: number; cpuS: number; peakMB: number };

// issue 17: the 50k-file monolith end to end (analyze + boundaries + report) under 15 s and 1.5 GB.
const TARGET = { size: '50k', wallS: 15, peakMB: 1536 };

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10k,50k' }, runs: { type: 'string', default: '3' } },
});
const sizes = values.sizes.split(',').map((s) => s.trim());
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number, at least 1');

const repo = resolve(import.meta.dirname, '..');
const benchDir = join(repo, '.bench');
const seams = installSeams(repo, join(benchDir, 'e2e-seams'));
console.log(
  `seams ${seamsRevision(repo)}, ${runs} run${runs === 1 ? '' : 's'} per size; CPU = user + system seconds (GNU time)`,
);

const stages = (dir: string, out: string): Array<[Stage, string[]]> => [
  ['analyze', [dir, '-o', join(out, 'graph.json'), '--no-cache']],
  ['boundaries', [join(out, 'graph.json'), '-o', join(out, 'plan.json')]],
  [
    'report',
    [
      '--graph',
      join(out, 'graph.json'),
      '--plan',
      join(out, 'plan.json'),
      '--format',
      'html',
      '-o',
      join(out, 'report.html'),
    ],
  ],
];

for (const input of ensureInputs(
  benchDir,
  sizes.map((s) => `synthetic-${s}`),
  console.log,
)) {
  const out = join(benchDir, 'out', 'e2e', input.name);
  mkdirSync(out, { recursive: true });
  warmPageCache(input);
  const samples = new Map<Row, Sample[]>();
  for (let run = 0; run < runs; run++) {
    const total: Sample = { wallS: 0, cpuS: 0, peakMB: 0 };
    for (const [stage, args] of stages(input.dir, out)) {
      const sample = timed(stage, args, out);
      console.log(
        `  ${input.name} run ${run + 1} ${stage}: ${sample.wallS} s wall, ${sample.cpuS.toFixed(2)} s CPU, ${sample.peakMB} MB`,
      );
      samples.set(stage, [...(samples.get(stage) ?? []), sample]);
      total.wallS += sample.wallS;
      total.cpuS += sample.cpuS;
      total.peakMB = Math.max(total.peakMB, sample.peakMB);
    }
    samples.set('end to end', [...(samples.get('end to end') ?? []), total]);
    // What analyze cannot go below: reading and parsing every file once (bench/parse-floor.ts), not part of end to end.
    const floor = timed('floor', [pinnedNode(repo), join(repo, 'bench/parse-floor.ts'), input.dir], out);
    console.log(`  ${input.name} run ${run + 1} floor: ${floor.wallS} s wall, ${floor.cpuS.toFixed(2)} s CPU`);
    samples.set('floor', [...(samples.get('floor') ?? []), floor]);
  }
  const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { services: unknown[] };
  const htmlMB = statSync(join(out, 'report.html')).size / 2 ** 20;
  console.log(
    `\n== ${input.name}: ${input.files.total} files, ${plan.services.length} services, HTML ${htmlMB.toFixed(1)} MB`,
  );
  console.log('stage      | wall s, median (min-max) | CPU s, median (min-max) | peak MB');
  console.log('-----------|--------------------------|-------------------------|--------');
  for (const [stage, list] of samples) {
    const cell = (xs: number[]) => {
      const s = spread(xs);
      return `${s.median.toFixed(2)} (${s.min.toFixed(2)}-${s.max.toFixed(2)})`;
    };
    const peak = Math.max(...list.map((s) => s.peakMB));
    console.log(
      `${stage.padEnd(10)} | ${cell(list.map((s) => s.wallS)).padStart(24)} | ${cell(list.map((s) => s.cpuS)).padStart(23)} | ${String(peak).padStart(6)}`,
    );
  }
  if (input.name === `synthetic-${TARGET.size}`) {
    const e2e = samples.get('end to end')!;
    const wall = spread(e2e.map((s) => s.wallS)).median;
    const peak = Math.max(...e2e.map((s) => s.peakMB));
    console.log(
      `target (issue 17): under ${TARGET.wallS} s and ${TARGET.peakMB} MB end to end: wall ${wall.toFixed(1)} s ${wall < TARGET.wallS ? 'met' : 'NOT met'}, peak ${peak} MB ${peak < TARGET.peakMB ? 'met' : 'NOT met'}`,
    );
  }
}

/** One stage of the built CLI (`seams <stage> ...args`), or for the floor the command `args` itself. */
function timed(stage: Stage | 'floor', args: string[], out: string): Sample {
  const timeFile = join(out, `${stage}.time`);
  const command = stage === 'floor' ? args : [seams, stage, ...args];
  execFileSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, ...command], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [wall, user, system, kb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(timeFile, { force: true });
  return { wallS: wall!, cpuS: user! + system!, peakMB: Math.round(kb! / 1024) };
}
