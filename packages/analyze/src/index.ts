export { analyze, type AnalyzeOptions } from './analyze.ts';
export { importGraph, type ForeignFormat } from './interop/import-graph.ts';
export { fileFilter } from './file-filter.ts';
