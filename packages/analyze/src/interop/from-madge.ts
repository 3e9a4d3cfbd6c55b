import { FormatError } from '@seams/graph';
import { createCollector, type ForeignParts } from './foreign-parts.ts';

/** madge --json: `{ "file": ["dependency", ...] }`, paths relative to the folder madge was run on. */
export function fromMadge(json: unknown, file: string): ForeignParts {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new FormatError(
      'SEAMS_IMPORT_FORMAT_UNKNOWN',
      `${file}: madge JSON must be an object of file -> dependencies`,
    );
  }
  const collect = createCollector();
  for (const [from, dependencies] of Object.entries(json as Record<string, unknown>)) {
    collect.file(from);
    if (!Array.isArray(dependencies)) continue;
    for (const to of dependencies) {
      if (typeof to !== 'string') continue;
      collect.file(to);
      collect.edge({ from, to, kind: 'import', specifier: to, line: 0, names: [] });
    }
  }
  return collect.parts();
}
