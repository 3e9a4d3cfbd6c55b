import type { Operation } from '../contract/contract-model.ts';
import type { ServiceApi } from '../service-api.ts';
import type { GeneratedFile, Origin } from './generated-file.ts';

/** What an extraction.json records: enough for the next run to regenerate the same facade. */
export interface Manifest {
  version: 1;
  service: string;
  plan: string;
  /** `file#name` of everything the facade serves: after the codemod, callers import the facade, not these. */
  entries: string[];
  /**
   * Per remote operation, whether it only reads and from what evidence: shadow mode replays reads only. The routing
   * file's `shadow` overrides it (`"replay"` or `"local"`).
   */
  access?: Record<string, NonNullable<Operation['access']>>;
}

export function manifestFile(
  origin: Origin,
  api: ServiceApi,
  path: string,
  operations: readonly Operation[] = [],
): GeneratedFile {
  const access = operations.flatMap((o) => (o.access ? [[o.name, o.access] as const] : []));
  const manifest: Manifest = {
    version: 1,
    service: origin.service,
    plan: origin.plan,
    entries: api.entries,
    ...(access.length ? { access: Object.fromEntries(access) } : {}),
  };
  return { path, content: JSON.stringify(manifest, null, 2) + '\n' };
}
