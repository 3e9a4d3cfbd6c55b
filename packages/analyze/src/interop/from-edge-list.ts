import { EDGE_KINDS, FormatError, type EdgeKind } from '@seams/graph';
import { createCollector, type ForeignParts } from './foreign-parts.ts';

const WEIGHT = /^\d+(\.\d+)?$/;

/**
 * One edge per line: `from<TAB>to`, then optionally a kind and a weight (`A<TAB>B<TAB>5`,
 * `A<TAB>B<TAB>require<TAB>2`, either order); `#` starts a comment. A line with one column is a file
 * with no outgoing edges; a repeated edge adds up its weights. Any language's graph fits.
 */
export function fromEdgeList(text: string, file: string): ForeignParts {
  const collect = createCollector();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [from, to, ...rest] = line.split('\t').map((part) => part.trim());
    collect.file(from!);
    if (!to) return;
    collect.file(to);
    let kind: EdgeKind = 'import';
    let weight: number | undefined;
    for (const column of rest) {
      if ((EDGE_KINDS as readonly string[]).includes(column)) kind = column as EdgeKind;
      else if (WEIGHT.test(column) && Number(column) > 0) weight = Number(column);
      else if (column !== '')
        throw new FormatError(
          'SEAMS_IMPORT_FORMAT_UNKNOWN',
          `${file}:${index + 1}: '${column}' is neither an edge kind (${EDGE_KINDS.join(', ')}) nor a positive weight`,
        );
    }
    collect.edge({ from: from!, to, kind, specifier: to, line: 0, names: [], ...(weight ? { weight } : {}) });
  });
  return collect.parts();
}
