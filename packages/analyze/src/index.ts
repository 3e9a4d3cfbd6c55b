export { analyze, type AnalyzeOptions } from './analyze.ts';
export { foreignFormatOf, importGraph, type ForeignFormat } from './interop/import-graph.ts';
export { fileFilter } from './file-filter.ts';
export { loadValidatedInputs, saveValidatedInputs, type ValidatedInput } from './cache.ts';
export { entrySourcesOf } from './package-entry-points.ts';
