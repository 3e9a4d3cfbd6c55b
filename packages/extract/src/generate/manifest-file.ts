import type { ServiceApi } from '../service-api.ts';
import type { GeneratedFile, Origin } from './generated-file.ts';

/** What an extraction.json records: enough for the next run to regenerate the same facade. */
export interface Manifest {
  version: 1;
  service: string;
  plan: string;
  /** `file#name` of everything the facade serves: after the codemod, callers import the facade, not these. */
  entries: string[];
}

export function manifestFile(origin: Origin, api: ServiceApi, path: string): GeneratedFile {
  const manifest: Manifest = { version: 1, service: origin.service, plan: origin.plan, entries: api.entries };
  return { path, content: JSON.stringify(manifest, null, 2) + '\n' };
}
