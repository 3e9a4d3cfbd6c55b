// A worker thread of louvain-pool.ts: runs the Louvain jobs it claims from each task it is sent.
import { parentPort } from 'node:worker_threads';
import { runClaimed, type PoolTask } from './louvain-pool.ts';

parentPort!.on('message', (task: PoolTask) => runClaimed(task));
