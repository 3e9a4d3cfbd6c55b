export { extractService, type ExtractOptions, type Extraction } from './extract-service.ts';
export type { GeneratedFile } from './generate/generated-file.ts';
export type { FileEdit } from './codemod/rewrite-imports.ts';
export type { Manifest } from './generate/manifest-file.ts';
export { checkInputs, SERVICE_ID } from './check-inputs.ts';
export type { ManualImport, RewriteCounts } from './codemod/rewrite-imports.ts';
