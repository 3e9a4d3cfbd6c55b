// Benchmark: seams analyze vs dependency-cruiser vs madge, plus the parse floor, on
// real and synthetic codebases; wall time, peak memory and edge agreement.
//
//   node bench/run.ts [--inputs synthetic-1k,rxjs] [--sizes 1k,10k] [--skip madge] [--timeout 15]
//
// See bench/README.md for how to read the output.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readOptions } from './args.ts';
import { compare, depcruiseEdges, madgeEdges, seamsEdges, type Agreement, type EdgeSet } from './edge-agreement.ts';
import { ensureInputs, warmPageCache, type Input } from './inputs.ts';
import { measure, type Measurement } from './measure.ts';
import {
  agreementBlock,
  inputHeader,
  summaryTable,
  timingTable,
  type FloorInfo,
  type InputResult,
  type ToolResult,
} from './table.ts';
import { roundOrder, summarise } from './stats.ts';
import {
  ensureTools,
  installSeams,
  invocation,
  pinnedNode,
  seamsRevision,
  type Paths,
  type ToolName,
} from './tools.ts';

const repo = resolve(import.meta.dirname, '..');
const paths: Paths = { repo, bench: join(repo, 'bench'), tools: join(repo, '.bench/tools'), node: pinnedNode(repo) };
const benchDir = join(repo, '.bench');
const log = (s: string): void => console.log(s);

// Step 1: flags.
const options = readOptions(process.argv.slice(2));

// Step 1b: seams as users run it, from a copy of the bundle (edits to packages/ during the run change nothing).
paths.seams = installSeams(repo, join(repo, '.bench/run-seams'));

// Step 2: baselines (pinned, installed once into .bench/tools).
const versions = {
  seams: seamsRevision(repo),
  ...ensureTools(paths, log),
  node: execFileSync(paths.node, ['--version'], { encoding: 'utf8' }).trim(),
};
log(`every tool runs on ${versions.node} (${paths.node}), ${options.runs} alternating rounds per input`);

// Step 3: inputs (installed / generated once into .bench/inputs and .bench/synthetic).
const inputs = ensureInputs(benchDir, options.inputs, log);

// Step 4: every tool on every input, in rounds (each round in another order), then compare the graphs.
const startedAt = new Date();
const results: InputResult[] = [];
for (const input of inputs) {
  log('');
  log(inputHeader(input));
  const outDir = join(benchDir, 'out', input.name);
  mkdirSync(outDir, { recursive: true });
  warmPageCache(input);
  const r: InputResult = { input, results: [], skipped: options.skipped, agreements: [] };
  const runs = new Map(options.tools.map((tool) => [tool, [] as Measurement[]]));
  for (let round = 0; round < options.runs; round++)
    for (const tool of roundOrder(options.tools, round)) {
      const done = runs.get(tool)!;
      // A timeout or crash would only repeat itself, at the timeout's cost.
      if (done.every((m) => m.status === 'ok')) done.push(await runTool(tool, input, outDir, round));
    }
  for (const tool of options.tools) r.results.push(result(tool, runs.get(tool)!, outDir));
  r.floor = floorInfo(r.results, outDir);
  r.agreements = agreements(r.results, input, outDir);
  log(timingTable(r));
  for (const a of r.agreements) log(agreementBlock(a));
  results.push(r);
}

// Step 5: summary and the machine-readable record.
log('');
log('== summary (wall seconds, cold: no tool cache; OS page cache warmed for all alike)');
log(summaryTable(results));
const file = writeResults();
log(`\nresults: ${file}`);

async function runTool(tool: ToolName, input: Input, outDir: string, round: number): Promise<Measurement> {
  const outFile = join(outDir, `${tool}.json`);
  const inv = invocation(tool, input, outFile, paths);
  const m = await measure({
    argv: inv.argv,
    cwd: inv.cwd,
    stdoutFile: inv.stdoutIsOutput ? outFile : join(outDir, `${tool}.stdout.log`),
    stderrFile: join(outDir, `${tool}.stderr.log`),
    timeoutMs: options.timeoutMs,
    ...(options.heapMB
      ? {
          env: {
            ...process.env,
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${options.heapMB}`.trim(),
          },
        }
      : {}),
  });
  log(`  round ${round + 1}, ${tool}: ${m.status} ${m.wallS}s ${m.peakMB ?? '-'} MB`);
  return m;
}

// Every round writes the same output file; the graphs compared are the last round's.
function result(tool: ToolName, runs: Measurement[], outDir: string): ToolResult {
  const res: ToolResult = { tool, ...summarise(runs) };
  if (tool === 'seams' && res.status === 'ok') res.note = seamsNote(join(outDir, `${tool}.json`));
  if (res.status === 'failed') res.note = failureNote(res.stderrTail ?? '');
  if (res.status === 'timeout') res.note = `killed after ${options.timeoutMs / 60_000} min`;
  return res;
}

/** The last stderr line, with the two crashes big inputs cause spelled out. */
function failureNote(stderr: string): string {
  if (/heap out of memory/i.test(stderr)) return 'JavaScript heap out of memory';
  // V8 caps strings at ~512 MB; depcruise builds its whole JSON report as one string.
  if (/Invalid string length/.test(stderr)) return 'Invalid string length: JSON report too big for one V8 string';
  return stderr.split('\n').pop()?.slice(0, 120) ?? '';
}

function seamsNote(outFile: string): string {
  try {
    const g = JSON.parse(readFileSync(outFile, 'utf8')) as {
      files: unknown[];
      edges: unknown[];
      unresolved: unknown[];
      parseErrors: unknown[];
    };
    return `${g.files.length} files, ${g.edges.length} edges, ${g.unresolved.length} unresolved, ${g.parseErrors.length} parse errors`;
  } catch (e) {
    return `unreadable graph: ${(e as Error).message.slice(0, 80)}`;
  }
}

function floorInfo(rs: ToolResult[], outDir: string): FloorInfo | undefined {
  if (rs.find((x) => x.tool === 'floor')?.status !== 'ok') return undefined;
  try {
    return JSON.parse(readFileSync(join(outDir, 'floor.json'), 'utf8').trim()) as FloorInfo;
  } catch {
    return undefined;
  }
}

/** seams against each baseline; when seams has no graph, madge against depcruise still checks the harness. */
function agreements(rs: ToolResult[], input: Input, outDir: string): Agreement[] {
  const ok = (t: ToolName): boolean => rs.some((x) => x.tool === t && x.status === 'ok');
  const load = (t: ToolName): EdgeSet | null => {
    if (!ok(t)) return null;
    const f = join(outDir, `${t}.json`);
    try {
      return t === 'seams' ? seamsEdges(f) : t === 'depcruise' ? depcruiseEdges(f) : madgeEdges(f, input.dir);
    } catch (e) {
      log(`  could not read ${t} output: ${(e as Error).message}`);
      return null;
    }
  };
  const seams = load('seams'),
    dc = load('depcruise'),
    madge = load('madge');
  const out: Agreement[] = [];
  // depcruise knows each edge's specifier and kind; madge knows neither, so it borrows them.
  const hints = [dc, seams].filter((x) => x !== null);
  if (seams && dc) out.push(compare(dc, seams, input.dir));
  if (seams && madge) out.push(compare(madge, seams, input.dir, hints));
  if (!seams && dc && madge) out.push(compare(dc, madge, input.dir));
  return out;
}

function writeResults(): string {
  const dir = join(benchDir, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: process.platform,
  };
  writeFileSync(
    file,
    JSON.stringify({ startedAt, finishedAt: new Date(), options, versions, machine, results }, null, 2) + '\n',
  );
  return file;
}
