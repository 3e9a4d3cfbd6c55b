export * from './schema.ts';
export * from './errors.ts';
export type { ProgressEvent, ProgressListener } from './events.ts';
export { SEAMS_VERSION } from './version.ts';
export { findCycles, shortestCycle } from './find-cycles.ts';
export { summarizeGraph, type GraphSummary } from './summarize-graph.ts';
export { parseGraph } from './parse-graph.ts';
export { graphJsonSchema } from './json-schema.ts';
