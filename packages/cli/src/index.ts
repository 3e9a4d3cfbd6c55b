export { run, EXIT } from './run.ts';
export type { Streams } from './streams.ts';
