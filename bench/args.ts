// Command-line flags of `node bench/run.ts`.
import { parseArgs } from 'node:util';
import { ALL_INPUT_NAMES, SYNTHETIC_SIZES } from './inputs.ts';
import { TOOL_NAMES, type ToolName } from './tools.ts';

export const USAGE = `usage: node bench/run.ts [--inputs a,b] [--sizes 1k,10k] [--skip madge,depcruise] [--runs N] [--timeout MINUTES] [--heap MB]

  --inputs   inputs to run, in order (default: ${ALL_INPUT_NAMES.join(',')})
  --sizes    synthetic sizes to keep (${Object.keys(SYNTHETIC_SIZES).join(',')}); real inputs are unaffected
  --skip     tools to leave out (${TOOL_NAMES.join(',')})
  --runs     rounds per input (default 3): each round runs every tool once, starting one tool later
             than the round before, so load from other processes falls on all tools alike
  --timeout  per tool run, in minutes (default 15); a tool that times out is not run again
  --heap     max V8 old-space size in MB for every tool (NODE_OPTIONS=--max-old-space-size);
             default: Node's own limit, as a user would run them`;

export type Options = {
  inputs: string[];
  tools: ToolName[];
  skipped: ToolName[];
  runs: number;
  timeoutMs: number;
  heapMB?: number;
};

const list = (s: string | undefined): string[] | undefined =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      inputs: { type: 'string' },
      sizes: { type: 'string' },
      skip: { type: 'string' },
      runs: { type: 'string', default: '3' },
      timeout: { type: 'string', default: '15' },
      heap: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  let inputs = list(values.inputs) ?? ALL_INPUT_NAMES;
  const sizes = list(values.sizes);
  if (sizes) inputs = inputs.filter((n) => !n.startsWith('synthetic-') || sizes.includes(n.slice('synthetic-'.length)));
  if (sizes && values.inputs === undefined)
    for (const s of sizes) if (!inputs.includes(`synthetic-${s}`)) inputs.push(`synthetic-${s}`);
  const skipped = (list(values.skip) ?? []) as ToolName[];
  for (const s of skipped)
    if (!TOOL_NAMES.includes(s)) throw new Error(`unknown tool to skip: ${s} (have ${TOOL_NAMES.join(', ')})`);
  const minutes = Number(values.timeout);
  if (!(minutes > 0)) throw new Error(`--timeout must be a positive number of minutes`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of rounds, at least 1`);
  const heapMB = values.heap === undefined ? undefined : Number(values.heap);
  if (heapMB !== undefined && !(heapMB > 0)) throw new Error(`--heap must be a positive number of megabytes`);
  return {
    inputs,
    tools: TOOL_NAMES.filter((t) => !skipped.includes(t)),
    skipped,
    runs,
    timeoutMs: minutes * 60_000,
    ...(heapMB ? { heapMB } : {}),
  };
}
