import { creditedTargets, type Edge } from '@seams/graph';
import { compareCodeUnits } from './finding.ts';
import type { IsEntry } from './entries.ts';
import type { Owner, OwnerOf } from './ownership.ts';

/** An import from a file of one service into a file of another service or of the shared group. */
export interface Crossing {
  from: string;
  line: number;
  specifier: string;
  /** The file depended on: the declaring file when the import goes through a barrel that is not an entry. */
  to: string;
  /** The barrel the import went through, when `to` is a file behind it. */
  via?: string;
  fromOwner: Owner & { service: string };
  toOwner: Owner;
}

/**
 * Every import leaving a service, in reading order (file, line). An import of an entry counts as
 * an import of that file; any other import of a barrel is credited to the files that declare the
 * imported names, as everywhere else in seams, so a non-entry `index.ts` neither hides an internal
 * file nor gets blamed for one. Importers in the shared group or owned by no one are not checked.
 * Every edge kind counts, type-only imports included: the extracted service must build without
 * the other's source, and a type pulls that source in as surely as a value does.
 */
export function crossingsOf(edges: readonly Edge[], ownerOf: OwnerOf, isEntry: IsEntry): Crossing[] {
  const crossings: Crossing[] = [];
  // Edges come grouped by importing file: its owner is looked up once per file.
  let from: string | undefined;
  let fromOwner: Owner | undefined;
  for (const edge of edges) {
    if (edge.from !== from) {
      from = edge.from;
      fromOwner = ownerOf(from);
    }
    if (fromOwner?.service === undefined) continue;
    // The owner itself (not a copy per import): it has a service, as just checked.
    const importer = fromOwner as Crossing['fromOwner'];
    const direct = ownerOf(edge.to);
    const throughEntry =
      direct?.service !== undefined && direct.service !== importer.service && isEntry(edge.to, direct.service);
    // A barrel of the importer's own service is not followed: what it re-exports from elsewhere is
    // checked once, at the barrel's own re-export, not again at each file using it.
    const ownBarrel = direct?.service === importer.service;
    // Most edges name no providers and credit their target alone: no need to build the credit map.
    if (throughEntry || ownBarrel || !edge.providers) addCrossing(crossings, edge, importer, edge.to, direct);
    else for (const to of creditedTargets(edge).keys()) addCrossing(crossings, edge, importer, to, ownerOf(to));
  }
  return inOrder(crossings) ? crossings : crossings.sort(compareCrossings);
}

const compareCrossings = (a: Crossing, b: Crossing): number =>
  compareCodeUnits(a.from, b.from) || a.line - b.line || compareCodeUnits(a.to, b.to);

// A graph lists its edges by file and line: then the crossings are in reading order already. compareCrossings,
// unrolled: most neighbours share their importing file, and then the very same string.
function inOrder(crossings: readonly Crossing[]): boolean {
  for (let i = 1; i < crossings.length; i++) {
    const a = crossings[i - 1]!;
    const b = crossings[i]!;
    if (a.from === b.from ? a.line > b.line || (a.line === b.line && a.to > b.to) : a.from > b.from) return false;
  }
  return true;
}

function addCrossing(
  crossings: Crossing[],
  edge: Edge,
  fromOwner: Crossing['fromOwner'],
  to: string,
  toOwner: Owner | undefined,
): void {
  if (to === edge.from || !toOwner || toOwner.service === fromOwner.service) return;
  const crossing: Crossing = { from: edge.from, line: edge.line, specifier: edge.specifier, to, fromOwner, toOwner };
  if (to !== edge.to) crossing.via = edge.to;
  crossings.push(crossing);
}
