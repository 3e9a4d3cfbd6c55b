// A worker thread of parse-pool.ts: parses the batches it claims and posts each one's outcomes.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFile } from './parse-file.ts';
import { parseBatches, type ParseJob } from './parse-pool.ts';

parseBatches(workerData as ParseJob, parseFile, (first, outcomes) => parentPort!.postMessage({ first, outcomes }));
