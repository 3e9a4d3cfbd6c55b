// Seeded Louvain runs on one graph spread over worker threads: a plan runs ten to twenty on the same graph, each on
// its own seed, so which thread runs which changes no label. The caller stays synchronous (the main thread waits
// on a shared counter), and the main thread runs jobs too.
import { availableParallelism, loadavg } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { louvainMapping, type IntArray, type LouvainInput } from './louvain.ts';
import { seededRandom } from './random.ts';

export interface LouvainJob {
  resolution: number;
  seed: number;
}

/** The input as a worker gets it: its arrays on shared memory, its node count for the nodes, and an id. */
type SharedInput = Omit<LouvainInput, 'nodes'> & { order: number; id: number };

/** What a worker gets per batch: the input and the jobs, claimed from `claims`. */
export interface PoolTask {
  input: SharedInput;
  jobs: readonly LouvainJob[];
  /** Int32 [next job to claim, jobs finished]. */
  claims: SharedArrayBuffer;
  port: MessagePort;
}

// Below this many files a run takes a few milliseconds: a worker's start-up (~40 ms) would not pay.
const MIN_NODES = 5000;
const MAX_WORKERS = 3;

// The worker's module: beside this file in a checkout, beside the chunk folder in the bundle (scripts/build.ts).
// Told apart by this module's own extension, not by looking on disk: boundaries does no file system I/O.
const WORKER_FILE = import.meta.url.endsWith('.ts')
  ? new URL('./louvain-worker.ts', import.meta.url)
  : new URL('../louvain-worker.js', import.meta.url);

/**
 * Each job's labels, in job order: as `louvainMapping` gives them, whichever thread ran it. `threads` says how many
 * workers to start (tests); by default as many as the free cores, none for small graphs.
 */
export function louvainMappings(input: LouvainInput, jobs: readonly LouvainJob[], threads?: number): IntArray[] {
  const workers = threads ?? workersFor(input, jobs.length);
  const run = (job: LouvainJob) => louvainMapping(input, job.resolution, seededRandom(job.seed));
  if (workers === 0) return jobs.map(run);
  const shared = sharedInput(input);
  const claims = new Int32Array(new SharedArrayBuffer(8));
  const ports = pool(workers).map((worker) => {
    const { port1, port2 } = new MessageChannel();
    const task: PoolTask = { input: shared, jobs, claims: claims.buffer, port: port2 };
    worker.postMessage(task, [port2]);
    return port1;
  });
  const results = new Array<IntArray | undefined>(jobs.length);
  let slowest = 0;
  for (let j = Atomics.add(claims, 0, 1); j < jobs.length; j = Atomics.add(claims, 0, 1)) {
    const start = performance.now();
    results[j] = run(jobs[j]!);
    slowest = Math.max(slowest, performance.now() - start);
    Atomics.add(claims, 1, 1);
  }
  // The workers' jobs: waited for until they should long be done, then run here (a worker that failed or was
  // stopped must not hang the plan; a late answer is the same labels and is ignored).
  const deadline = performance.now() + 4 * slowest + 5000;
  for (let done = Atomics.load(claims, 1); done < jobs.length && performance.now() < deadline;) {
    Atomics.wait(claims, 1, done, 50);
    done = Atomics.load(claims, 1);
  }
  for (const port of ports) {
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
      const { job, labels } = message.message as { job: number; labels: IntArray };
      results[job] ??= labels;
    }
    port.close();
  }
  return results.map((labels, j) => labels ?? run(jobs[j]!));
}

let workerInput: LouvainInput | undefined;
let workerInputId = -1;

/** Runs the jobs it claims from `task` and posts each one's labels: the worker's side of `louvainMappings`. */
export function runClaimed(task: PoolTask): void {
  // One input object per graph, so the worker's runs on it share their scratch arrays (louvain.ts).
  if (task.input.id !== workerInputId) {
    const { order, id, ...arrays } = task.input;
    workerInput = { ...arrays, nodes: new Array<string>(order) };
    workerInputId = id;
  }
  const claims = new Int32Array(task.claims);
  for (let j = Atomics.add(claims, 0, 1); j < task.jobs.length; j = Atomics.add(claims, 0, 1)) {
    const job = task.jobs[j]!;
    const labels = louvainMapping(workerInput!, job.resolution, seededRandom(job.seed));
    task.port.postMessage({ job: j, labels }, [labels.buffer as ArrayBuffer]);
    Atomics.add(claims, 1, 1);
    Atomics.notify(claims, 1);
  }
  task.port.close();
}

/**
 * Workers beside the main thread: one per core other processes leave free (the last minute's load average), at
 * most one per job but the main thread's; none for small graphs or without the worker's module.
 */
function workersFor(input: LouvainInput, jobs: number): number {
  if (input.nodes.length < MIN_NODES || jobs < 2) return 0;
  const free = Math.round(availableParallelism() - loadavg()[0]!);
  return Math.max(0, Math.min(free, MAX_WORKERS + 1, jobs) - 1);
}

const workers: Worker[] = [];

/** `count` workers, started on first use and kept for the plan's later runs; they never keep the process alive. */
function pool(count: number): Worker[] {
  while (workers.length < count) {
    const worker = new Worker(WORKER_FILE);
    // A worker that fails leaves its jobs to the main thread (louvainMappings), which says nothing of it.
    worker.on('error', () => {});
    worker.unref();
    workers.push(worker);
  }
  return workers.slice(0, count);
}

const sharedInputs = new WeakMap<LouvainInput, SharedInput>();
let inputs = 0;

/** The input on shared memory, copied once: the workers read it without a copy of their own. */
function sharedInput(input: LouvainInput): SharedInput {
  let shared = sharedInputs.get(input);
  if (!shared) {
    const share = <T extends IntArray | Float64Array>(array: T): T => {
      const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(
        new SharedArrayBuffer(array.byteLength),
      );
      copy.set(array);
      return copy;
    };
    shared = {
      id: inputs++,
      order: input.nodes.length,
      edgeCount: input.edgeCount,
      total: input.total,
      starts: share(input.starts),
      neighborhood: share(input.neighborhood),
      weights: share(input.weights),
      loops: share(input.loops),
      totalWeights: share(input.totalWeights),
    };
    sharedInputs.set(input, shared);
  }
  return shared;
}
