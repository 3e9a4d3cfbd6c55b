import { EDGE_KINDS, type EdgeKind } from '@seams/graph';
import { createCollector, type ForeignParts } from './foreign-parts.ts';

/**
 * One edge per line: `from<TAB>to`, optionally `<TAB>kind`; `#` starts a comment.
 * A line with one column is a file with no outgoing edges. Any language's graph fits.
 */
export function fromEdgeList(text: string): ForeignParts {
  const collect = createCollector();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [from, to, kind] = line.split('\t').map((part) => part.trim());
    collect.file(from!);
    if (!to) continue;
    collect.file(to);
    const edgeKind: EdgeKind = kind && (EDGE_KINDS as readonly string[]).includes(kind) ? (kind as EdgeKind) : 'import';
    collect.edge({ from: from!, to, kind: edgeKind, specifier: to, line: 0, names: [] });
  }
  return collect.parts;
}
