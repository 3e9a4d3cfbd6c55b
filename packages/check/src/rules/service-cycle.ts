import { findCycles } from '@seams/graph';
import type { Crossing } from '../crossings.ts';
import { compareCodeUnits, fingerprintOf, type Finding } from '../finding.ts';
import { attributionNote, listing, plural } from '../wording.ts';

/** All imports from one service into another. */
interface Link {
  fromService: string;
  toService: string;
  crossings: Crossing[];
  /** Distinct importing -> imported file pairs: the link's weight, as the report counts it. */
  pairs: number;
  /** The importing file counted last, and the files it was counted importing (crossings come by importing file). */
  from: string;
  to: Set<string>;
}

/**
 * One finding per group of services that depend on each other in a loop, located at the first
 * import of its lightest link (fewest file pairs; ties by service ids): the cheapest place to cut.
 * Identified by its members alone, so a baselined loop stays known while imports inside it come and
 * go, and becomes new only when another service joins it. With `inScope`, a loop is reported only
 * when an import of one of its links is in a file in scope.
 */
export function serviceCycles(
  // In reading order (by importing file), as crossingsOf gives them: file pairs are counted per importing file.
  crossings: readonly Crossing[],
  inScope: (file: string) => boolean,
  label: (id: string) => string,
): Finding[] {
  // Links in the order first met; by importing, then imported service.
  const all: Link[] = [];
  const links = new Map<string, Map<string, Link>>();
  for (const crossing of crossings) {
    const fromService = crossing.fromOwner.service;
    const toService = crossing.toOwner.service;
    if (toService === undefined) continue;
    let out = links.get(fromService);
    if (!out) links.set(fromService, (out = new Map<string, Link>()));
    let link = out.get(toService);
    if (!link) {
      link = { fromService, toService, crossings: [], pairs: 0, from: crossing.from, to: new Set() };
      out.set(toService, link);
      all.push(link);
    }
    link.crossings.push(crossing);
    if (link.from !== crossing.from) {
      link.from = crossing.from;
      link.to.clear();
    }
    if (!link.to.has(crossing.to)) {
      link.to.add(crossing.to);
      link.pairs++;
    }
  }
  // Links by importing service: a loop's links are found from its members, not by scanning every link per loop.
  const outOf = new Map<string, Link[]>();
  for (const link of all)
    (outOf.get(link.fromService) ?? outOf.set(link.fromService, []).get(link.fromService)!).push(link);
  return findCycles(all.map((link) => ({ from: link.fromService, to: link.toService }))).flatMap((members) => {
    const group = new Set(members);
    const inside = members.flatMap((member) => (outOf.get(member) ?? []).filter((link) => group.has(link.toService)));
    if (!inside.some((link) => link.crossings.some((crossing) => inScope(crossing.from)))) return [];
    const lightest = inside.reduce((best, link) => (lighter(link, best) ? link : best));
    return [cycleFinding(members, lightest, loopThrough(lightest, inside), label)];
  });
}

function lighter(a: Link, b: Link): boolean {
  return (
    (a.pairs - b.pairs ||
      compareCodeUnits(a.fromService, b.fromService) ||
      compareCodeUnits(a.toService, b.toService)) < 0
  );
}

// The shortest way back from the link's target to its source, closing the loop the finding names.
function loopThrough(link: Link, inside: readonly Link[]): string[] {
  const targets = new Map<string, string[]>();
  for (const l of inside)
    (targets.get(l.fromService) ?? targets.set(l.fromService, []).get(l.fromService)!).push(l.toService);
  for (const list of targets.values()) list.sort(compareCodeUnits);
  const parent = new Map<string, string>([[link.toService, link.toService]]);
  const queue = [link.toService];
  for (let i = 0; i < queue.length && !parent.has(link.fromService); i++) {
    const next = targets.get(queue[i]!) ?? [];
    for (const target of next) {
      if (parent.has(target)) continue;
      parent.set(target, queue[i]!);
      queue.push(target);
    }
  }
  const back = [link.fromService];
  for (let at = link.fromService; at !== link.toService; at = parent.get(at)!) back.unshift(parent.get(at)!);
  return [link.fromService, ...back];
}

function cycleFinding(members: string[], link: Link, loop: string[], label: (id: string) => string): Finding {
  // Crossings arrive in reading order, so the first is the import to show.
  const crossing = link.crossings[0]!;
  const { fromService, toService } = link;
  const [from, to] = [label(fromService), label(toService)];
  return {
    rule: 'service-cycle',
    from: crossing.from,
    line: crossing.line,
    to: crossing.to,
    specifier: crossing.specifier,
    fromService,
    toService,
    cycle: loop,
    message:
      `${memberList(members, label)} depend on each other in a loop, ${loop.map(label).join(' → ')}; this import is in its lightest link, ` +
      `${from} → ${to} (${plural(link.pairs, 'file dependency', 'file dependencies')})${attributionNote(crossing, label)}`,
    fix: `break the loop here: move what ${from} uses of ${to} into ${from} or the shared group, or invert it so that ${to} depends on ${from} (an event ${from} raises, or a callback ${to} passes in)`,
    fingerprint: fingerprintOf('service-cycle', members),
  };
}

// Beyond this many members the loop is a tangle: the count says more than a line naming them all (185 on one app).
const NAMED_MEMBERS = 8;

function memberList(members: readonly string[], label: (id: string) => string): string {
  if (members.length <= NAMED_MEMBERS) return listing(members.map(label));
  const named = members.slice(0, NAMED_MEMBERS - 1).map(label);
  return `${members.length} services (${named.join(', ')} and ${members.length - named.length} more)`;
}
