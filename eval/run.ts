// pnpm eval: scores seams' plans against ground truths over 10 seeds, beside the baselines it must beat,
// on the bundled shop and on every monolith of eval/monoliths.json whose sources are fetched.
// node eval/run.ts [name filter] [--seeds N] [--options '{"resolution": 1.5}']
import { analyze } from '@seams/analyze';
import { comparePartitions, proposeBoundaries, type BoundaryOptions } from '@seams/boundaries';
import type { Graph, Plan } from '@seams/graph';
import { projectFiles } from '../packages/cli/src/project-files.ts';
import { nameStem, parentFolder, plainLouvain } from './baselines.ts';
import { fetchCommands, listMonoliths, sourcesDir, type Monolith } from './monoliths.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const SEEDS = Number(flag('--seeds') ?? 10);
const extraOptions = JSON.parse(flag('--options') ?? '{}') as BoundaryOptions;
const filter = args[0] ?? '';

interface Method {
  name: string;
  /** One assignment per seed (a deterministic method gives one), with its plan when seams made it. */
  run: (graph: Graph, seed: number) => { assignment: Map<string, string>; plan?: Plan };
  seeded: boolean;
}

/** Every file of a plan with its group: a service id, `shared` for the kernel, or the name of a group set apart. */
function assignmentOf(plan: Plan): Map<string, string> {
  const assignment = new Map<string, string>();
  for (const service of plan.services) for (const file of service.files) assignment.set(file, service.id);
  for (const file of plan.shared) assignment.set(file.path, file.group ? `apart:${file.group}` : 'shared');
  return assignment;
}

// What the CLI reads of the project beside its graph (browser code, package.json), once per graph.
const projects = new WeakMap<Graph, Awaited<ReturnType<typeof projectFiles>>>();

const seams = (name: string, options: BoundaryOptions): Method => ({
  name,
  seeded: true,
  run: (graph, seed) => {
    const plan = proposeBoundaries(graph, { ...extraOptions, ...options, seed, ...projects.get(graph) });
    return { assignment: assignmentOf(plan), plan };
  },
});

const METHODS: Method[] = [
  seams('seams (default)', {}),
  seams('seams --signals paths', { signals: ['paths'] }),
  seams('seams --signals imports', { signals: ['imports'] }),
  { name: 'plain Louvain', seeded: true, run: (graph, seed) => ({ assignment: plainLouvain(graph, seed) }) },
  { name: 'parent folder', seeded: false, run: (graph) => ({ assignment: parentFolder(graph) }) },
  { name: 'name stem', seeded: false, run: (graph) => ({ assignment: nameStem(graph) }) },
];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const f3 = (x: number) => x.toFixed(3);

interface Score {
  ari: number[];
  ratio: number[];
  kernelPrecision: number[];
  ms: number[];
}

/** Share of the kernel's files that the truth gives to no domain: infrastructure, not a swallowed domain file. */
function kernelPrecision(plan: Plan, truth: Map<string, string>): number {
  const kernel = plan.shared.filter((file) => !file.group);
  if (kernel.length === 0) return 1;
  return kernel.filter((file) => !truth.has(file.path)).length / kernel.length;
}

function score(
  monolith: Monolith,
  graph: Graph,
): Array<{ truth: string; domains: number; labelled: number; rows: Map<string, Score> }> {
  const truths = monolith.truths(graph.files.map((f) => f.path));
  const results = truths.map(({ name, truth }) => ({
    truth: name,
    domains: new Set(truth.values()).size,
    labelled: truth.size,
    rows: new Map<string, Score>(),
    map: truth,
  }));
  for (const method of METHODS) {
    for (let s = 0; s < (method.seeded ? SEEDS : 1); s++) {
      const start = performance.now();
      const { assignment, plan } = method.run(graph, 42 + s * 1000);
      const ms = performance.now() - start;
      for (const result of results) {
        const row = result.rows.get(method.name) ?? { ari: [], ratio: [], kernelPrecision: [], ms: [] };
        result.rows.set(method.name, row);
        row.ari.push(comparePartitions(result.map, assignment).ari);
        const groups = new Set(
          [...result.map.keys()].map((file) => assignment.get(file)).filter((g) => g !== undefined),
        );
        row.ratio.push(groups.size / result.domains);
        if (plan) row.kernelPrecision.push(kernelPrecision(plan, result.map));
        row.ms.push(ms);
      }
    }
  }
  return results;
}

const summary: string[] = [];
const { monoliths, missing } = listMonoliths();
for (const monolith of monoliths.filter((m) => m.name.includes(filter) || m.set === filter)) {
  const graph = await analyze({
    root: monolith.dir,
    include: monolith.include,
    exclude: monolith.exclude,
    cache: true,
    history: monolith.history ?? false,
  });
  projects.set(graph, await projectFiles(graph));
  for (const result of score(monolith, graph)) {
    const title = `${monolith.name} [${monolith.style}; ${monolith.set}] truth ${result.truth}`;
    console.log(`\n${title}: ${graph.files.length} files, ${result.labelled} labelled in ${result.domains} domains`);
    console.log(`  method                     ARI mean ± sd   groups/domains  kernel precision      ms`);
    for (const [method, row] of result.rows) {
      const kernel = row.kernelPrecision.length ? f3(mean(row.kernelPrecision)) : '';
      console.log(
        `  ${method.padEnd(24)} ${f3(mean(row.ari)).padStart(6)} ± ${f3(sd(row.ari))}   ${mean(row.ratio).toFixed(2).padStart(14)}  ${kernel.padStart(16)}  ${mean(row.ms).toFixed(0).padStart(6)}`,
      );
    }
    const ari = (name: string) => mean(result.rows.get(name)!.ari);
    const ours = result.rows.get('seams (default)')!;
    const margin = ari('seams (default)') - Math.max(ari('parent folder'), ari('seams --signals paths'));
    summary.push(
      `| ${monolith.name} | ${result.truth} | ${monolith.set} | ${f3(mean(ours.ari))} ± ${f3(sd(ours.ari))} | ${f3(ari('parent folder'))} | ${f3(ari('seams --signals paths'))} | ${f3(ari('name stem'))} | ${f3(ari('plain Louvain'))} | ${margin >= 0 ? '+' : ''}${margin.toFixed(3)} | ${mean(ours.ratio).toFixed(2)} | ${f3(mean(ours.kernelPrecision))} |`,
    );
  }
}
console.log(
  '\n| monolith | truth | set | seams ARI | parent folder | paths only | name stem | plain Louvain | margin | services/domains | kernel precision |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const line of summary) console.log(line);
console.log(`\nmargin: seams minus the better of parent folder and paths only (target >= 0.05). Seeds: ${SEEDS}.`);
for (const entry of missing)
  console.log(
    `skipped ${entry.name}: no sources in ${sourcesDir}/${entry.id}. Fetch them with:\n  ${fetchCommands(entry)}`,
  );
