// A worker thread of parse-pool.ts: parses the batches it claims and posts each one's outcomes.
import { parentPort, workerData } from 'node:worker_threads';
import { createFileWalkers, parseFile } from './parse-file.ts';
import { parseBatches, type ParseJob } from './parse-pool.ts';

const walkers = createFileWalkers();
parseBatches(
  workerData as ParseJob,
  (path, text) => parseFile(path, text, walkers),
  (first, outcomes) => parentPort!.postMessage({ first, outcomes }),
);
