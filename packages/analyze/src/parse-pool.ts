// Parsing in worker threads: the files to parse are cut into batches that the main thread and the workers claim
// from one shared counter, so a slow batch (a big file) holds up no one. Each outcome is stored at its file's index:
// the graph is the same whichever thread parsed what.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readSource, type Parse, type SourceOutcome } from './read-facts.ts';

/** What every thread needs to parse its share: `cached[i]` is file i's stat size and cached hash when caching. */
export interface ParseJob {
  root: string;
  files: readonly string[];
  cached: ReadonlyArray<{ size: number; hash: string | undefined }> | undefined;
  maxBytes: number;
  /** One Int32: the index of the next file no thread has claimed. */
  counter: SharedArrayBuffer;
  batch: number;
}

// A worker costs ~50-100 ms of start-up (its own parser and detectors): below this many files per thread it
// cannot win that back.
const FILES_PER_THREAD = 400;
const MAX_WORKERS = 7;

// The worker's module: beside this file in a checkout, beside the chunk folder in the bundle (scripts/build.ts).
const WORKER_FILE = [
  new URL('./parse-worker.ts', import.meta.url),
  new URL('../parse-worker.js', import.meta.url),
].find((url) => existsSync(url));

/**
 * How many workers to start for `count` files to parse: one per core that other processes leave free, beside the
 * main thread; none on one busy core, for small trees or without the worker's module.
 */
export function workersFor(count: number, requested: number | undefined): number {
  if (!WORKER_FILE) return 0;
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  const free = Math.round(availableParallelism() - busyCores());
  const threads = Math.min(free, MAX_WORKERS + 1, Math.floor(count / FILES_PER_THREAD));
  return Math.max(0, threads - 1);
}

/**
 * Cores other processes keep busy now. Linux counts the threads ready to run in /proc/loadavg, this process's own
 * among them (V8 compiles and collects garbage on threads of its own), which /proc/self/task tells apart. Elsewhere
 * the last minute's load average stands in, though it lags: in a script that runs one command after another, it
 * counts the previous command as busy still, and a 2-core machine would look full.
 */
function busyCores(): number {
  try {
    const running = /^\S+ \S+ \S+ (\d+)\//.exec(readFileSync('/proc/loadavg', 'latin1'))?.[1];
    if (running !== undefined) return Math.max(0, Number(running) - ownRunningThreads());
  } catch {
    // Not Linux.
  }
  return loadavg()[0]!;
}

// Threads of this process ready to run (state R in /proc/self/task/<id>/stat), this one at least.
function ownRunningThreads(): number {
  let count = 0;
  for (const task of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'latin1');
      if (stat[stat.lastIndexOf(')') + 2] === 'R') count++;
    } catch {
      // The thread ended since the listing.
    }
  }
  return Math.max(1, count);
}

/** Claims batches of `job` until none is left, reading and parsing each file; `onBatch` gets each batch's outcomes. */
export function parseBatches(
  job: ParseJob,
  parse: Parse,
  onBatch: (first: number, outcomes: SourceOutcome[]) => void,
): void {
  const next = new Int32Array(job.counter);
  for (;;) {
    const first = Atomics.add(next, 0, job.batch);
    if (first >= job.files.length) return;
    const end = Math.min(first + job.batch, job.files.length);
    const outcomes: SourceOutcome[] = [];
    for (let i = first; i < end; i++) {
      const rel = job.files[i]!;
      // With a parser, readSource always gives an outcome.
      outcomes.push(readSource(`${job.root}/${rel}`, rel, job.maxBytes, parse, job.cached?.[i]) as SourceOutcome);
    }
    onBatch(first, outcomes);
  }
}

/**
 * Reads and parses `files` with `workers` worker threads beside the main one; the outcomes in file order.
 * A worker that fails leaves its files to the main thread.
 */
export async function parseInParallel(
  job: Omit<ParseJob, 'counter' | 'batch'>,
  workers: number,
  parse: Parse,
  onParsed: (index: number, outcome: SourceOutcome) => void,
): Promise<SourceOutcome[]> {
  const outcomes = new Array<SourceOutcome | undefined>(job.files.length);
  const store = (first: number, batch: SourceOutcome[]) => {
    for (let k = 0; k < batch.length; k++) {
      outcomes[first + k] = batch[k];
      onParsed(first + k, batch[k]!);
    }
  };
  // Small enough that the threads finish close together, large enough that claiming and posting cost nothing.
  const batch = Math.max(4, Math.min(64, Math.ceil(job.files.length / (workers + 1) / 16)));
  const shared: ParseJob = { ...job, counter: new SharedArrayBuffer(4), batch };
  const done = Array.from({ length: workers }, () => {
    const worker = new Worker(WORKER_FILE!, { workerData: shared });
    return new Promise<void>((resolve) => {
      worker.on('message', (message: { first: number; outcomes: SourceOutcome[] }) =>
        store(message.first, message.outcomes),
      );
      // Its claimed but unposted batch is parsed below; the error itself changes nothing in the graph.
      worker.on('error', () => {});
      worker.on('exit', () => resolve());
    });
  });
  parseBatches(shared, parse, store);
  await Promise.all(done);
  for (let i = 0; i < outcomes.length; i++) {
    if (outcomes[i] !== undefined) continue;
    const rel = job.files[i]!;
    store(i, [readSource(`${job.root}/${rel}`, rel, job.maxBytes, parse, job.cached?.[i]) as SourceOutcome]);
  }
  return outcomes as SourceOutcome[];
}
